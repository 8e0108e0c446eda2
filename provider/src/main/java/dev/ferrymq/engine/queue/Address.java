package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;

import java.util.List;

/**
 * Something a message can be sent to: a queue or a topic.
 *
 * <p>Threading contract: {@link #publish} may be called from any thread, never blocks and takes no
 * lock shared with consumers; messages published by one thread reach each queue in call order.
 */
public interface Address {

    DestinationRef ref();

    /** Accepts a message from {@code publisher}; a deleted address drops it silently. */
    void publish(MessageData message, Publisher publisher);

    /**
     * Adds to {@code out} the queues a message from {@code publisher} goes to: this queue, or the
     * subscriptions of a topic that accept it. Any thread; for sends whose messages are written
     * to the store before they are enqueued.
     */
    void route(MessageData message, Publisher publisher, List<AcceptingQueue> out);

    /**
     * The limits of a queue {@code message} from {@code publisher} would go to that has no room
     * for it now, or {@code null} when every one has room. Any thread, lock-free.
     */
    QueueLimits blockedOn(MessageData message, Publisher publisher);

    /** Whether the address was deleted (a temporary destination, a stopped broker). */
    boolean isDeleted();
}
