/**
 * What an application or an operator calls on FerryMQ's in-JVM engine besides JMS: stopping a
 * {@code vm://} broker ({@link dev.ferrymq.admin.Brokers}), binding its Micrometer meters
 * ({@link dev.ferrymq.admin.FerryMqMetrics}), and the command-line tools
 * {@link dev.ferrymq.admin.HashPassword} and {@link dev.ferrymq.admin.DataTool}
 * ({@code java -cp ferrymq-provider.jar dev.ferrymq.admin.DataTool ...}).
 *
 * <p>An exported package of module {@code dev.ferrymq}: its public signatures name only JDK,
 * {@code jakarta.jms}, Micrometer and exported FerryMQ types; each class delegates to the engine's
 * own class, which stays internal ({@code ArchitectureTest} checks both).
 */
package dev.ferrymq.admin;
