/**
 * Benchmarks of FerryMQ against embedded ActiveMQ Artemis in one JVM: {@link
 * dev.ferrymq.benchmarks.BenchmarkMain} runs the scenarios of {@code scenarios.Scenarios} on
 * both providers alternately through the {@code harness} and prints one comparison table. Every
 * scenario is written against {@code jakarta.jms} only; the providers differ only in their
 * {@code ConnectionFactory} ({@code providers}). See benchmarks/README.md.
 */
package dev.ferrymq.benchmarks;
