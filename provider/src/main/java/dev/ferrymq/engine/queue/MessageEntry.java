package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.MessageData;

/**
 * One message held by one queue. The same {@link MessageData} may sit in many entries (one per
 * topic subscription); the entry holds what is per queue: its place in the order and its
 * delivery history. It knows nothing of consumers and deliveries: a delivery points to its entry,
 * never the other way round (the entry holds the stamp of its current delivery).
 *
 * <p>Threading contract: every field is owned by the queue's serial executor.
 */
final class MessageEntry {

    /** The queue's delivery order: higher priority first, then arrival. */
    static final java.util.Comparator<MessageEntry> DELIVERY_ORDER =
            java.util.Comparator.comparingInt((MessageEntry e) -> -e.priority).thenComparingLong(e -> e.seq);

    final MessageData message;
    /** JMSPriority clamped to 0..9. */
    final int priority;
    /** Arrival order in the queue; a released entry returns to this place. */
    final long seq;
    /** The message's record id in the store, or 0 when it is not stored. */
    final long storeId;
    /** Deliveries the application saw (released as delivered); the next delivery counts one more. */
    int priorDeliveries;
    /** Why it was last handed back, and the last failure's text (a listener's exception), or {@code null}. */
    dev.ferrymq.spi.ReleaseReason.Cause lastCause;
    String lastFailure;
    /**
     * After an acknowledgement timeout: the {@linkplain QueueConsumer#id id} of the consumer that
     * let it time out, passed over while others are ready; 0 for none.
     */
    long avoid;
    /**
     * The stamp of the outstanding delivery ({@link QueueDelivery#isCurrent}), or 0 while
     * available or after consumption: a delivery handed back after it was settled or replaced is
     * stale and changes nothing.
     */
    int delivery;
    /** Stamps given to this entry's deliveries so far; the next delivery gets one more. */
    int stamps;
    /** Links in the {@link MessageList} while available. */
    MessageEntry prev;
    MessageEntry next;
    boolean listed;

    MessageEntry(MessageData message, long seq, long storeId) {
        this.message = message;
        this.seq = seq;
        this.storeId = storeId;
        int p = message.priority();
        this.priority = p < 0 ? 0 : Math.min(p, 9);
    }

    boolean isExpired(long now) {
        return message.expiration() != 0 && message.isExpired(now);
    }
}
