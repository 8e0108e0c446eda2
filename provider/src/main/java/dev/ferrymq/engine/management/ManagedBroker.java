package dev.ferrymq.engine.management;

import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueObserver;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DestinationRef;

import java.util.function.Consumer;

/**
 * What management (JMX, Micrometer) sees of a broker. The broker implements it, so this package
 * never depends on the broker's package (no package cycle).
 *
 * <p>Threading contract: implementations are thread-safe; completions may run on any thread.
 */
public interface ManagedBroker {

    /** The broker's name ({@code vm://name}). */
    String name();

    /** Open connections now. */
    int connectionCount();

    /** Calls {@code action} with every queue, topic subscriptions and temporary queues included. */
    void forEachQueue(Consumer<MessageQueue> action);

    /** Starts telling {@code observer} of queues created and deleted from now on. */
    void addQueueObserver(QueueObserver observer);

    /** Stops telling {@code observer}. */
    void removeQueueObserver(QueueObserver observer);

    /** Moves the dead letters of queue {@code deadLetterQueue} matching {@code selector} (null: all) back to their origin. */
    void moveToOrigin(DestinationRef deadLetterQueue, Selector selector, Completion<Integer> done);

    /**
     * Deletes {@code queue} (a queue destination or a durable subscription) if it is idle: no
     * consumer, no unacknowledged delivery; ILLEGAL_STATE otherwise or for a temporary queue.
     */
    void deleteQueue(MessageQueue queue, Completion<Void> done);
}
