/**
 * Benchmarks of FerryMQ against ActiveMQ Artemis in one run. Not built yet: this module only
 * reserves its place in the build; see the performance issue.
 */
package dev.ferrymq.benchmarks;
