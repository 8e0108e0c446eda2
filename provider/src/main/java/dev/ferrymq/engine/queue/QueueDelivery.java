package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.MessageData;

/**
 * One delivery of one queue entry to one consumer. It carries its entry, consumer and queue, so
 * acknowledging or releasing it needs no lookup. A delivery that was already acknowledged or
 * released is stale: handing it back again does nothing.
 *
 * <p>Threading contract: {@link #message()}, {@link #deliveryCount()} and {@link #queue()} are
 * immutable and readable from any thread; the links are owned by the queue's serial executor.
 */
public final class QueueDelivery implements Delivery {

    final MessageEntry entry;
    final QueueConsumer consumer;
    private final int deliveryCount;
    /** When it was pushed (epoch ms), set only when the queue has an acknowledgement timeout. */
    long deliveredAt;
    /** When it was pushed ({@link System#nanoTime}), the start of its processing time t; 0 when t is not timed for it. */
    long deliveredNanos;
    /** A stored message whose delivery count is not yet durable: not handed to the sink yet. */
    boolean awaitingStore;
    /**
     * Claimed by a commit being written ({@link MessageQueue#claimForCommit}): an acknowledgement
     * timeout passes it over, so the commit that deletes its record also consumes it.
     */
    boolean claimed;
    /** Links in the consumer's list of outstanding deliveries. */
    QueueDelivery prev;
    QueueDelivery next;

    QueueDelivery(MessageEntry entry, QueueConsumer consumer, int deliveryCount) {
        this.entry = entry;
        this.consumer = consumer;
        this.deliveryCount = deliveryCount;
    }

    @Override
    public MessageData message() {
        return entry.message;
    }

    @Override
    public int deliveryCount() {
        return deliveryCount;
    }

    /** The record id of the delivered message in the store, or 0 when it is not stored. */
    public long storeId() {
        return entry.storeId;
    }

    /** The queue to hand this delivery back to. */
    public MessageQueue queue() {
        return consumer.queue;
    }

    /** The owner given when the consumer was created (the engine session). */
    public Object owner() {
        return consumer.owner;
    }

    @Override
    public String toString() {
        return "Delivery[" + entry.message.messageId() + " #" + deliveryCount + " from " + consumer.queue.name() + "]";
    }
}
