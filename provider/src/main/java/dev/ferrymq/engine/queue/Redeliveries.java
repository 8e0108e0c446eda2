package dev.ferrymq.engine.queue;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.ReleaseReason;

import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;

/**
 * What happens to a queue's messages that leave the normal flow: handed back after the
 * application saw them (delayed redelivery, or the dead-letter queue once the attempts are used
 * up) and expired (the expiry queue, or dropped and counted). A delayed message waits on the
 * broker's scheduler, not on a thread and not in the queue, so messages behind it flow on.
 *
 * <p>Threading contract: owned by one {@link MessageQueue}; every method runs on its serial
 * executor (scheduled returns hop back onto it).
 */
final class Redeliveries {

    private static final System.Logger LOG = System.getLogger(Redeliveries.class.getName());

    private final MessageQueue queue;
    private final QueuePolicy policy;
    private final EngineRuntime runtime;
    private final SerialExecutor executor;
    /** The subscription queue's name for moved messages, or {@code null} for a queue destination. */
    private final String subscription;
    int delayed;
    long deadLettered;

    Redeliveries(MessageQueue queue, QueuePolicy policy, EngineRuntime runtime, SerialExecutor executor) {
        this.queue = queue;
        this.policy = policy;
        this.runtime = runtime;
        this.executor = executor;
        this.subscription = queue.ref().isQueue() ? null : queue.name();
    }

    QueuePolicy policy() {
        return policy;
    }

    /**
     * Whether a delivery the application saw, handed back for {@code reason}, may be redelivered
     * at once (no delay, attempts left, or this is the dead-letter queue itself); records the
     * reason with the entry as {@link #takeReleased} does.
     */
    boolean redeliversAtOnce(MessageEntry e, int deliveryCount, ReleaseReason reason) {
        if (policy.exhausted(deliveryCount) && !queue.name().equals(policy.deadLetterQueue)) {
            return false;
        }
        if (policy.redeliveryDelay > 0) {
            return false;
        }
        e.lastCause = reason.cause();
        if (reason.failure() != null) {
            e.lastFailure = reason.failure();
        }
        return true;
    }

    /**
     * A delivery the application saw came back for {@code reason}. Returns true when this took the
     * entry (dead-lettered, or waiting for a delayed redelivery); false: requeue it now.
     */
    boolean takeReleased(MessageEntry e, int deliveryCount, ReleaseReason reason) {
        e.lastCause = reason.cause();
        if (reason.failure() != null) {
            e.lastFailure = reason.failure();
        }
        if (policy.exhausted(deliveryCount) && !queue.name().equals(policy.deadLetterQueue)) {
            deadLetter(e, deliveryCount);
            return true;
        }
        long delay = policy.redeliveryDelay(deliveryCount);
        if (delay <= 0) {
            return false;
        }
        delayed++;
        try {
            runtime.schedule(() -> executor.execute(() -> {
                delayed--;
                queue.requeue(e);
            }), delay);
        } catch (RejectedExecutionException stopped) {
            delayed--;
            LOG.log(Level.DEBUG, "broker stopped: delayed redelivery on " + queue.name() + " dropped");
        }
        return true;
    }

    private void deadLetter(MessageEntry e, int deliveryCount) {
        deadLettered++;
        String dlq = policy.deadLetterQueue;
        if (dlq == null) {
            LOG.log(Level.WARNING, "message " + e.message.messageId() + " on " + queue.name() + " used up its "
                    + policy.maxDeliveryAttempts + " delivery attempts and no dead-letter queue is configured: dropped");
        } else {
            String reason = "maxDeliveryAttempts (" + policy.maxDeliveryAttempts + ") reached; last release: "
                    + e.lastCause;
            MessageData copy = DeadLetters.deadLetter(e.message, dlq, reason, deliveryCount, e.lastFailure, subscription);
            policy.forwarder.forward(dlq, copy);
        }
        queue.dropped(e);
    }

    /** {@code e} expired: a copy goes to the expiry queue when one is configured (the queue counts and drops it). */
    void forwardExpired(MessageEntry e) {
        String target = policy.expiryQueue;
        if (target != null && !target.equals(queue.name())) {
            policy.forwarder.forward(target, DeadLetters.expired(e.message, target, subscription));
        }
    }
}
