package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;

/**
 * A queue as the accept path sees it ({@code engine.persistence.Acceptance}): where an
 * {@link Address} routes a message, written first when the queue stores it, then enqueued once
 * durable. {@link MessageQueue} implements it.
 *
 * <p>Threading contract: {@link #ref}, {@link #name} and {@link #stores} may be called from any
 * thread; {@link #enqueueAllStored} hands its work to the queue's serial executor.
 */
public interface AcceptingQueue {

    /** The destination messages are sent to (the topic, for a subscription's queue). */
    DestinationRef ref();

    /** The queue's unique name (a queue's name, or {@code topic::subscription}). */
    String name();

    /** Whether {@code message} is written to the store when it arrives here. */
    boolean stores(MessageData message);

    /**
     * Enqueues the first {@code count} of {@code messages}, each with its record id
     * ({@code storeIds[i]}, 0 for an unstored one), in order and in one task on the queue's
     * executor (delayed ones wait for their delivery time). The arrays may be reused by the callee.
     */
    void enqueueAllStored(MessageData[] messages, long[] storeIds, int count);
}
