package dev.ferrymq.spi;

/**
 * What the engine needs to create a consumer.
 *
 * <table>
 * <caption>Which subscription a topic consumer reads</caption>
 * <tr><th>durable</th><th>shared</th><th>subscriptionName</th><th>meaning</th></tr>
 * <tr><td>false</td><td>false</td><td>null</td><td>queue consumer, or a private non-durable topic subscription</td></tr>
 * <tr><td>false</td><td>true</td><td>name</td><td>shared non-durable subscription (client ID, if set, + name)</td></tr>
 * <tr><td>true</td><td>false</td><td>name</td><td>unshared durable subscription (client ID + name)</td></tr>
 * <tr><td>true</td><td>true</td><td>name</td><td>shared durable subscription (client ID, if set, + name)</td></tr>
 * </table>
 *
 * @param destination      queue or topic to consume from
 * @param selector         message selector text, or {@code null}; an invalid one fails the
 *                         creation with INVALID_SELECTOR
 * @param noLocal          for topics: skip messages sent on this consumer's connection
 * @param subscriptionName the subscription name, or {@code null}
 * @param durable          the subscription outlives its consumers
 * @param shared           several consumers may share the subscription
 * @param initialCredit    how many deliveries the engine may push before the next
 *                         {@link EngineConsumer#credit(int)} (the prefetch window, at least 1)
 * @param suspended        the consumer starts suspended, as after {@link EngineConsumer#suspend}:
 *                         it is attached (a topic subscription exists and keeps messages) but
 *                         takes no message until {@link EngineConsumer#resume()}; the facade
 *                         asks for it when the connection is not started ("Pausing delivery of
 *                         incoming messages"), so the queue's other consumers get everything
 */
public record ConsumerInfo(DestinationRef destination, String selector, boolean noLocal,
                           String subscriptionName, boolean durable, boolean shared, int initialCredit,
                           boolean suspended) {

    /** A consumer that takes part in dispatch from the start. */
    public ConsumerInfo(DestinationRef destination, String selector, boolean noLocal,
                        String subscriptionName, boolean durable, boolean shared, int initialCredit) {
        this(destination, selector, noLocal, subscriptionName, durable, shared, initialCredit, false);
    }

    /** This consumer, created suspended or not. */
    public ConsumerInfo withSuspended(boolean startSuspended) {
        return new ConsumerInfo(destination, selector, noLocal, subscriptionName, durable, shared, initialCredit,
                startSuspended);
    }

    /** A plain consumer on a queue, or a private non-durable topic subscription. */
    public static ConsumerInfo of(DestinationRef destination, String selector, boolean noLocal, int initialCredit) {
        return new ConsumerInfo(destination, selector, noLocal, null, false, false, initialCredit);
    }
}
