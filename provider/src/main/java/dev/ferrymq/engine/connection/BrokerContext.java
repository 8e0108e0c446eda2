package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.destination.Destinations;
import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.engine.persistence.PersistentStore;
import dev.ferrymq.engine.queue.QueueLimits;
import dev.ferrymq.engine.topic.SubscriptionRegistry;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DestinationRef;

/**
 * What a connection and its sessions use of their broker. The broker implements it; the
 * connection package needs nothing else of the broker, so it sits below it.
 *
 * <p>Thread-safe: any connection or session thread may call it.
 */
public interface BrokerContext {

    String name();

    /** The memory limits ({@code LimitOptions}) of destination {@code name}. */
    QueueLimits.Config limits(String name);

    /** The broker's threads. */
    EngineRuntime runtime();

    /** The broker's destinations. */
    Destinations destinations();

    /** The broker's persistence. */
    PersistentStore store();

    /** The broker's topic subscriptions. */
    SubscriptionRegistry subscriptions();

    /**
     * The broker's control executor: the one owner of broker-wide state (client IDs, topic
     * subscriptions, temporary destinations and each connection's set of them).
     */
    SerialExecutor control();

    /** The client IDs in use on the broker: their one owner. */
    ClientIds clientIds();

    /** A connection closed; frees its client ID. */
    void connectionClosed(ClientIdHolder c);

    /** Admin: moves the dead letters of {@code deadLetterQueue} matching {@code selector} back to their origin. */
    void moveToOrigin(DestinationRef deadLetterQueue, Selector selector, Completion<Integer> done);
}
