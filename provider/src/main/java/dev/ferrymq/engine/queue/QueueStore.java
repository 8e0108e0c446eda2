package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;

/**
 * Where a durable queue writes its PERSISTENT messages: implemented by the broker's store
 * ({@code dev.ferrymq.engine.persistence.PersistentStore}). A queue with no store keeps
 * everything in memory.
 *
 * <p>Threading contract: every method is called on the calling queue's serial executor, never
 * blocks, and runs its callbacks later on an engine thread (never inline in a serial executor of
 * the writer's thread).
 */
public interface QueueStore {

    /**
     * Writes the delivery mark of queue {@code queueName} (of destination {@code ref}): every
     * stored message of it with a record id up to
     * {@code upTo} may have been delivered once. In the same atomic write the queue's previous
     * mark record {@code replaces} (0: none) is deleted. {@code done} gets the new record's id once
     * it is durable, or the failure; when the store is closing it never completes. {@code ahead}:
     * no delivery waits for it, so it may wait for the store's next sync (or a short bounded
     * delay) instead of forcing one of its own. See {@link DeliveryMarks}.
     */
    void markDelivered(DestinationRef ref, String queueName, long upTo, long replaces, boolean ahead,
                       Completion<Long> done);

    /**
     * Records that stored message {@code id} is about to be delivered for the
     * {@code deliveryCount}th time (a redelivery; first deliveries are covered by the queue's
     * {@link #markDelivered delivery mark}); {@code handOver} runs once that is durable (or once the write
     * failed: the delivery goes ahead, only its count was not stored). When the store is closing,
     * {@code handOver} never runs.
     */
    void delivering(long id, int deliveryCount, Runnable handOver);

    /**
     * Records, in one write, that stored messages {@code ids[0..count)} are about to be
     * redelivered at once for the {@code counts[i]}th time (a rollback or recover redelivering
     * locally); {@code then} runs once that is durable (or once the write failed: the
     * redeliveries go ahead, only their counts were not stored). When the store is closing,
     * {@code then} runs at once, writing nothing: the caller's completion must not hang.
     */
    void redelivering(long[] ids, int[] counts, int count, Runnable then);

    /** Stored message {@code id} left its queue without being consumed (expired, dropped, unsubscribed). */
    void removed(long id);

    /**
     * Moves stored message {@code fromId} (0: a message no queue stored) out of its queue through
     * the broker's one accept path: {@code message} (its copy as it goes)
     * is written to the queues {@code to} routes it to that store it, and record {@code fromId}
     * is deleted, in one atomic write, so that after a crash the message is either still where it
     * was or only where it went, never both (a dead letter, an expired message forwarded, a dead
     * letter moved back to its origin). Once that is durable the copy is enqueued where it went
     * ({@link MessageQueue#enqueueStored}, to queues that do not store it with no record) and
     * {@code done} completes; on failure nothing was moved (record {@code fromId} stays) and
     * {@code done} fails. Either runs later on an engine thread.
     */
    void move(long fromId, Address to, MessageData message, Completion<Void> done);

    /**
     * Stored message {@code id}, handed back after a delivery, waits for a delayed redelivery
     * until {@code redeliverAt} (epoch milliseconds): after a restart it is not available before
     * then either. Written in the background; if it is lost the message is available at once after
     * a restart, as without a delay.
     */
    void redeliveryDelayed(long id, long redeliverAt);

    /**
     * Stored messages {@code ids[0..count)} were acknowledged; {@code done} completes once that is
     * durable. {@code background}: nobody waits for it (AUTO_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE), so
     * the deletes may wait for the store's next sync instead of forcing one of their own
     * ({@link dev.ferrymq.store.Journal#appendBackground}); {@code done} still completes only once
     * they are durable.
     */
    void acknowledged(long[] ids, int count, boolean background, Completion<Void> done);
}
