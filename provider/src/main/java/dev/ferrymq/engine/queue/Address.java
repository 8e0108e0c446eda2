package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;

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

    /** Whether the address was deleted (a temporary destination, a stopped broker). */
    boolean isDeleted();
}
