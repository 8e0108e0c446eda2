/**
 * FerryMQ's in-JVM engine behind {@code vm://name}: an implementation of the engine SPI
 * ({@code dev.ferrymq.spi}) that never imports {@code jakarta.jms}.
 *
 * <p>Entry points: {@link dev.ferrymq.engine.VmEngineProvider} (ServiceLoader, scheme {@code vm}),
 * {@link dev.ferrymq.engine.Brokers} (find and stop brokers), {@link dev.ferrymq.engine.BrokerOptions}.
 *
 * <p>Threading model, "one owner per piece of state": every queue (queue destination, temporary
 * queue, topic subscription) owns its messages, consumers, credit and outstanding deliveries and
 * changes them only on its own {@link dev.ferrymq.engine.exec.SerialExecutor}; all serial executors
 * of a broker share one bounded pool of daemon threads named {@code ferrymq-<broker>-dispatch-N},
 * and one scheduler thread serves delivery delay, delayed redelivery and the expiry and
 * acknowledgement-timeout sweepers (a delayed message waits there, not on a thread or at the head of
 * its queue). Public methods enqueue
 * work and return; sends read lock-free maps and copy-on-write subscription arrays. The only lock
 * (in {@link dev.ferrymq.engine.topic.SubscriptionRegistry}) is taken when topic consumers are
 * created or closed. Nothing blocks on an engine thread.
 *
 * <p>Packages: {@code exec} (executors, threads), {@code queue} (queues, dispatch, deliveries),
 * {@code topic} (topics and subscriptions), {@code connection} (SPI connection, session, consumer).
 */
package dev.ferrymq.engine;
