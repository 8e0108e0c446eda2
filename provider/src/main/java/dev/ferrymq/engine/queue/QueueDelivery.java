package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.ReleaseReason;

import java.util.List;

/**
 * One delivery of one queue entry to one consumer. It carries its entry, consumer and queue, so
 * acknowledging or releasing it needs no lookup. A delivery that was already acknowledged or
 * released is stale: handing it back again does nothing.
 *
 * <p>Threading contract: {@link #message()}, {@link #deliveryCount()} and {@link #queue()} are
 * immutable and readable from any thread; the links are owned by the queue's serial executor.
 */
public final class QueueDelivery implements Delivery {

    /**
     * The queue a delivery came from, where it is handed back: acknowledged, claimed by a commit,
     * released or redelivered ({@link MessageQueue} implements it). A delivery and its consumer
     * name only this, never the queue class that holds them.
     *
     * <p>Threading contract: every method may be called from any thread; it hands its work to the
     * queue's serial executor and returns at once. A delivery that is stale by then (already
     * settled, or replaced by a redelivery) is passed over.
     */
    public interface Origin {

        /**
         * Acknowledges deliveries; {@code done} completes once the deletes of their stored
         * messages are durable. {@code background} (AUTO_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE: nobody
         * waits): the deletes may wait for the store's next sync ({@link QueueStore#acknowledged}).
         */
        void acknowledge(List<QueueDelivery> deliveries, boolean background, Completion<Void> done);

        /**
         * Before a commit writes the deletes of stored messages it consumed: completes {@code done}
         * with those of {@code deliveries} that are still current, claimed so that no
         * acknowledgement timeout takes them away before the commit is applied. The others timed
         * out and went to another consumer: the commit must not delete their records (a late
         * commit changes nothing for them, as a late acknowledge does not).
         */
        void claimForCommit(List<QueueDelivery> deliveries, Completion<List<QueueDelivery>> done);

        /** Acknowledges deliveries whose stored messages a committed transaction already deleted. */
        void acknowledgeCommitted(List<QueueDelivery> deliveries);

        /**
         * Puts deliveries back at their places, then runs {@code then} (may be {@code null}).
         * {@code reason} {@code null}: the application never saw them; otherwise the redelivery
         * policy applies (they count one more delivery, may wait or go to the dead-letter queue).
         */
        void release(List<QueueDelivery> deliveries, ReleaseReason reason, Runnable then);

        /**
         * Redelivers deliveries the application saw to the consumers holding them, without
         * requeueing them ({@link LocalRedelivery}); {@code done} completes once the sinks have them.
         */
        void redeliver(List<QueueDelivery> deliveries, ReleaseReason reason, Completion<Void> done);

        /** The queue's name, for diagnostics. */
        String name();
    }

    final MessageEntry entry;
    final QueueConsumer consumer;
    private final int deliveryCount;
    /** This delivery's stamp among its entry's deliveries; see {@link #isCurrent}. */
    private final int stamp;
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
        this.stamp = ++entry.stamps;
    }

    /** Whether this is its entry's outstanding delivery: not yet settled, nor replaced by a redelivery. */
    boolean isCurrent() {
        return entry.delivery == stamp;
    }

    /** Makes this its entry's outstanding delivery. */
    void makeCurrent() {
        entry.delivery = stamp;
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
    public Origin queue() {
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
