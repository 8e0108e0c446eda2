package dev.ferrymq.engine.queue;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.ReleaseReason;

import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * What happens to a queue's messages that leave the normal flow: handed back after the
 * application saw them (delayed redelivery, or the dead-letter queue once the attempts are used
 * up) and expired (the expiry queue, or dropped and counted). A delayed message waits on the
 * broker's scheduler, not on a thread and not in the queue, so messages behind it flow on; a
 * stored one also has its redelivery time written, so it waits after a restart too. A stored
 * message moved to another queue moves in one atomic write ({@link #moveOut}).
 *
 * <p>Threading contract: owned by one {@link MessageQueue}; every method runs on its serial
 * executor (scheduled returns hop back onto it).
 */
final class Redeliveries {

    private static final System.Logger LOG = System.getLogger(Redeliveries.class.getName());

    /** Where an entry goes back when this class is done with it: implemented by {@link Settlement}. */
    interface Returns {
        /** {@code e} goes back to its place and to a ready consumer (a delay is over, a move failed). */
        void requeue(MessageEntry e);

        /** {@code e} leaves the queue without being consumed. */
        void dropped(MessageEntry e);
    }

    private final QueueState queue;
    private final Returns returns;
    private final QueuePolicy policy;
    private final EngineRuntime runtime;
    private final SerialExecutor executor;
    /** The subscription queue's name for moved messages, or {@code null} for a queue destination. */
    private final String subscription;
    int delayed;
    long deadLettered;

    Redeliveries(QueueState queue, Returns returns) {
        this.queue = queue;
        this.returns = returns;
        this.policy = queue.policy();
        this.runtime = queue.runtime();
        this.executor = queue.executor();
        this.subscription = queue.ref().isQueue() ? null : queue.name();
    }

    QueuePolicy policy() {
        return policy;
    }

    /** What becomes of a message handed back: the outcome of {@link #decide}. */
    enum Outcome {
        /** The queue is closed: the message leaves it. */
        DROP,
        /** It expired (or the facade found it expired): expiry queue, or dropped. */
        EXPIRE,
        /** It used up its delivery attempts: the dead-letter queue, or dropped without one. */
        DEAD_LETTER,
        /** The redelivery delay holds it back ({@link #delay}). */
        DELAY,
        /** It may be delivered again now: back at its place, or to its consumer locally. */
        AT_ONCE
    }

    /**
     * The one decision for a message coming back, whether it is released to the queue or
     * redelivered locally: {@code e}, whose delivery {@code d} was handed back for {@code reason}
     * ({@code null}: the application never saw it). Records the reason with the entry, and the
     * delivery's failure ({@link ReleaseReason#failureOf}) when it has one, for the dead-letter
     * properties. Reads the clock only for a message that can expire.
     */
    Outcome decide(MessageEntry e, QueueDelivery d, ReleaseReason reason) {
        int deliveryCount = d.deliveryCount();
        if (queue.isClosed()) {
            return Outcome.DROP;
        }
        if ((reason != null && reason.cause() == ReleaseReason.Cause.EXPIRED) || queue.expiredNow(e)) {
            return Outcome.EXPIRE;
        }
        if (reason == null) {
            return Outcome.AT_ONCE;
        }
        e.lastCause = reason.cause();
        String failure = reason.failureOf(d);
        if (failure != null) {
            e.lastFailure = failure;
        }
        if (policy.exhausted(deliveryCount) && !queue.name().equals(policy.deadLetterQueue)) {
            return Outcome.DEAD_LETTER;
        }
        return policy.redeliveryDelay > 0 ? Outcome.DELAY : Outcome.AT_ONCE;
    }

    /**
     * {@link Outcome#DELAY}: {@code e} waits for its redelivery delay (written with a stored
     * message, so it waits after a restart too), then goes back to its place.
     */
    void delay(MessageEntry e, int deliveryCount) {
        long delay = policy.redeliveryDelay(deliveryCount);
        QueueStore store = queue.storeOf(e);
        if (store != null) {
            store.redeliveryDelayed(e.storeId, runtime.now() + delay);
        }
        hold(e, delay);
    }

    /**
     * Keeps {@code e} out of the queue for {@code delay} ms, then puts it back at its place: a
     * delayed redelivery, or one recovered from the store that was still waiting.
     */
    void hold(MessageEntry e, long delay) {
        delayed++;
        long since = System.nanoTime();
        try {
            runtime.schedule(() -> executor.execute(() -> {
                delayed--;
                queue.meters().redelivered(System.nanoTime() - since);
                returns.requeue(e);
            }), delay);
        } catch (RejectedExecutionException stopped) {
            delayed--;
            LOG.log(Level.DEBUG, "broker stopped: delayed redelivery on " + queue.name() + " dropped");
        }
    }

    /** {@link Outcome#DEAD_LETTER}: {@code e} moves to the dead-letter queue (dropped, with a warning, without one). */
    void deadLetter(MessageEntry e, int deliveryCount) {
        deadLettered++;
        String dlq = policy.deadLetterQueue;
        if (dlq == null) {
            LOG.log(Level.WARNING, "message " + e.message.messageId() + " on " + queue.name() + " used up its "
                    + policy.maxDeliveryAttempts + " delivery attempts and no dead-letter queue is configured: dropped");
            returns.dropped(e);
            return;
        }
        String reason = "maxDeliveryAttempts (" + policy.maxDeliveryAttempts + ") reached; last release: " + e.lastCause;
        MessageData copy = DeadLetters.deadLetter(e.message, dlq, reason, deliveryCount, e.lastFailure, subscription);
        moveOut(e, policy.forwarder.queue(dlq), copy, () -> { }, error -> {
            if (worthWarning(error)) {
                LOG.log(Level.WARNING, "message " + e.message.messageId() + " on " + queue.name() + " used up its "
                        + "delivery attempts but could not be moved to " + dlq + " (" + error.getMessage()
                        + "); it stays on " + queue.name() + " and is delivered again");
            }
            returns.requeue(e);
        });
    }

    /**
     * {@code e} expired: true when a copy goes to the expiry queue (this takes the entry); false
     * when none is configured (the queue drops it).
     */
    boolean forwardExpired(MessageEntry e) {
        String target = policy.expiryQueue;
        if (target == null || target.equals(queue.name())) {
            return false;
        }
        moveOut(e, policy.forwarder.queue(target), DeadLetters.expired(e.message, target, subscription), () -> { },
                error -> {
                    if (worthWarning(error)) {
                        LOG.log(Level.WARNING, "expired message " + e.message.messageId() + " on " + queue.name()
                                + " could not be moved to " + target + " (" + error.getMessage() + "); it stays "
                                + "stored and is moved when the broker next starts");
                    }
                    left(e);
                });
        return true;
    }

    /**
     * Entry {@code e}, out of the available list and not outstanding, leaves this queue for
     * {@code to} as {@code copy}. A stored message moves in one atomic write of its new record(s)
     * and the delete of its record ({@link QueueStore#move}): after a crash it is in one place,
     * never in both. It leaves this queue, and reaches {@code to}, once that is durable; then
     * {@code moved} runs, or on failure {@code failed} (the record stays here; the entry is the
     * caller's again). A message not stored here goes the same way through the broker's accept
     * path ({@link QueuePolicy.Forwarder#accept}): written where {@code to} stores it, and kept
     * in memory there should that write fail. Callbacks run on the queue's executor.
     */
    void moveOut(MessageEntry e, Address to, MessageData copy, Runnable moved, Consumer<EngineException> failed) {
        Completion<Void> outcome = new Completion<>() {
            @Override
            public void complete(Void result) {
                executor.execute(() -> {
                    left(e);
                    moved.run();
                });
            }

            @Override
            public void fail(EngineException error) {
                executor.execute(() -> failed.accept(error));
            }
        };
        QueueStore store = queue.storeOf(e);
        if (store != null) {
            store.move(e.storeId, to, copy, outcome);
        } else {
            policy.forwarder.accept(to, copy, outcome);
        }
    }

    /** A failed move is worth a warning unless the broker is stopping or the queue is gone. */
    private boolean worthWarning(EngineException error) {
        return error.kind() != EngineException.Kind.ILLEGAL_STATE && !queue.isClosed();
    }

    /** {@code e} left the queue; its record, if any, is deleted elsewhere or kept on purpose. */
    private void left(MessageEntry e) {
        e.delivery = 0;
        queue.limits().removed(e.message);
    }
}
