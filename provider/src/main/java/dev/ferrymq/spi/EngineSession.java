package dev.ferrymq.spi;

import java.util.List;

/**
 * A session's engine side: sends, consumers, acknowledgement and the local transaction.
 * Calls from one session arrive in order (the facade serializes them); the engine keeps that order
 * per destination. Methods may be called from any thread.
 */
public interface EngineSession {

    /**
     * Sends a message to {@code message.destination()}, creating a queue or topic on first use.
     * Completes once the message is accepted (in a transacted session: once it is part of the
     * transaction, visible at commit). INVALID_DESTINATION for a deleted temporary destination.
     * Sends of one session are applied in call order.
     */
    void send(MessageData message, Completion<Void> done);

    /** Creates a consumer that pushes deliveries into {@code sink}; see {@link ConsumerInfo}. */
    void createConsumer(ConsumerInfo info, DeliverySink sink, Completion<EngineConsumer> done);

    /**
     * A snapshot of the messages a queue holds that match {@code selector} (null for all), in
     * delivery order, without consuming them. INVALID_SELECTOR for a bad selector.
     */
    void browse(DestinationRef queue, String selector, Completion<List<MessageData>> done);

    /** Acknowledges deliveries made to this session's consumers: they are consumed for good. */
    void acknowledge(List<? extends Delivery> deliveries, Completion<Void> done);

    /** Acknowledges one delivery (AUTO_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE, individual acknowledge). */
    void acknowledge(Delivery delivery, Completion<Void> done);

    /**
     * Returns deliveries the application never saw (a closing consumer's prefetch) to their
     * destinations, each at its original place in the order and unchanged: not a delivery attempt.
     */
    void releaseUnseen(List<? extends Delivery> deliveries, Completion<Void> done);

    /**
     * Returns deliveries to their destinations with the reason: for deliveries the application saw
     * ({@link ReleaseReason#delivered()}), the engine applies its redelivery policy (at once, after
     * a delay, or the dead-letter queue once the attempts are used up) and keeps the reason's
     * failure text with the message; for {@link ReleaseReason.Cause#EXPIRED} the message is
     * treated as expired (expiry queue, or dropped). Each returns to its original place in the
     * order. For deliveries whose consumer goes away (close); recover, rollback and listener
     * failures use {@link #redeliver}.
     */
    void release(List<? extends Delivery> deliveries, ReleaseReason reason, Completion<Void> done);

    /**
     * Local redelivery (recover, a listener failure): hands back deliveries the application saw
     * without returning them to their queues, so the consumers keep what they prefetched. For each
     * delivery whose consumer is still open, the engine applies its redelivery policy as
     * {@link #release(List, ReleaseReason, Completion)} would: when the message expired, used up
     * its delivery attempts (dead-letter queue) or must wait for a redelivery delay, it is released
     * that way; otherwise the engine counts the redelivery (a new {@link Delivery} with
     * {@link Delivery#deliveryCount()} one more, stored first for a stored message) and hands it
     * back to the same consumer through {@link DeliverySink#onRedelivery}, all of one consumer in
     * one call, in delivery order, before {@code done} completes; the consumer puts them before
     * everything it still buffers. The old delivery becomes stale. The credit they use stays used.
     * Deliveries of closed consumers are released as delivered. This is the engine's only way to
     * redeliver what the application saw while its consumer stays open.
     */
    void redeliver(List<? extends Delivery> deliveries, ReleaseReason reason, Completion<Void> done);

    /**
     * Commits the local transaction: the messages sent in it become visible and {@code consumed}
     * are acknowledged, atomically. On failure nothing of it is applied and the transaction is
     * rolled back as {@link #rollback} does (with {@link ReleaseReason.Cause#ROLLBACK} and no
     * failure text) before {@code done} fails with kind TRANSACTION_ROLLED_BACK. ILLEGAL_STATE
     * (nothing done) for a session that is not transacted.
     */
    void commit(List<? extends Delivery> consumed, Completion<Void> done);

    /**
     * Rolls back the local transaction in one call: the messages sent in it are discarded and
     * {@code consumed} are redelivered locally, as {@link #redeliver} does with {@code reason}.
     * ILLEGAL_STATE for a session that is not transacted.
     */
    void rollback(List<? extends Delivery> consumed, ReleaseReason reason, Completion<Void> done);

    /**
     * Closes the session and its consumers: an open transaction is rolled back, deliveries still
     * neither acknowledged nor released are released as delivered.
     */
    void close(Completion<Void> done);
}
