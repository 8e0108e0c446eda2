package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.MessageData;

import dev.ferrymq.spi.config.DestinationOptions;
import dev.ferrymq.spi.config.RedeliveryOptions;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The redelivery, dead-letter, expiry and acknowledgement-timeout settings of one queue, resolved
 * from the broker's {@link RedeliveryOptions} for the destination's name, plus where moved
 * messages go and its memory limits ({@link QueueLimits.Config}).
 *
 * <p>Threading contract: immutable; any thread.
 */
public final class QueuePolicy {

    /** Where a queue sends messages it moves to another queue (dead letters, expired messages). */
    public interface Forwarder {
        /** The queue destination named {@code queueName}, created on first use. Any thread. */
        Address queue(String queueName);

        /**
         * Accepts {@code message}, moved out of a queue that did not store it, at {@code to}
         * through the broker's one accept path: written first where {@code to} stores it, then
         * enqueued and {@code done} completed; on a failed write nothing is enqueued and
         * {@code done} fails. {@code done} runs on an engine thread, possibly at once.
         */
        void accept(Address to, MessageData message, Completion<Void> done);
    }

    final int maxDeliveryAttempts;
    final long redeliveryDelay;
    final double multiplier;
    final long maxDelay;
    final double jitter;
    /** Resolved dead-letter queue name, or {@code null}: drop. */
    final String deadLetterQueue;
    /** Resolved expiry queue name, or {@code null}: drop. */
    final String expiryQueue;
    final long ackTimeout;
    final Forwarder forwarder;
    /** The memory limits ({@code LimitOptions}). */
    final QueueLimits.Config limits;
    /** The broker-wide memory bound, or {@code null}. */
    final BrokerMemory memory;

    private QueuePolicy(int maxDeliveryAttempts, long redeliveryDelay, double multiplier, long maxDelay, double jitter,
                        String deadLetterQueue, String expiryQueue, long ackTimeout, Forwarder forwarder,
                        QueueLimits.Config limits, BrokerMemory memory) {
        this.memory = memory;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.redeliveryDelay = redeliveryDelay;
        this.multiplier = multiplier;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
        this.deadLetterQueue = deadLetterQueue;
        this.expiryQueue = expiryQueue;
        this.ackTimeout = ackTimeout;
        this.forwarder = forwarder;
        this.limits = limits;
    }

    /**
     * The settings of destination {@code destinationName} (a topic's name for its subscriptions);
     * {@code memory} is the broker-wide bound, or null.
     */
    public static QueuePolicy resolve(DestinationOptions options, String destinationName, Forwarder forwarder,
                                      BrokerMemory memory) {
        return new QueuePolicy(options.get(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS, destinationName),
                options.get(RedeliveryOptions.REDELIVERY_DELAY, destinationName),
                options.get(RedeliveryOptions.REDELIVERY_MULTIPLIER, destinationName),
                options.get(RedeliveryOptions.MAX_REDELIVERY_DELAY, destinationName),
                options.get(RedeliveryOptions.REDELIVERY_JITTER, destinationName),
                RedeliveryOptions.queueName(options.get(RedeliveryOptions.DEAD_LETTER_QUEUE, destinationName), destinationName),
                RedeliveryOptions.queueName(options.get(RedeliveryOptions.EXPIRY_QUEUE, destinationName), destinationName),
                options.get(RedeliveryOptions.ACK_TIMEOUT, destinationName),
                forwarder, QueueLimits.Config.resolve(options, destinationName), memory);
    }

    /** Whether a message whose delivery number {@code deliveryCount} was handed back has no attempt left. */
    boolean exhausted(int deliveryCount) {
        return maxDeliveryAttempts > 0 && deliveryCount >= maxDeliveryAttempts;
    }

    /**
     * Milliseconds to wait before redelivering a message whose delivery number {@code deliveryCount}
     * was handed back: {@code redeliveryDelay * multiplier^(deliveryCount-1)}, at most
     * {@code maxDelay}, then spread by the jitter.
     */
    long redeliveryDelay(int deliveryCount) {
        if (redeliveryDelay <= 0) {
            return 0;
        }
        double d = redeliveryDelay * Math.pow(multiplier, Math.max(0, deliveryCount - 1));
        if (maxDelay > 0) {
            d = Math.min(d, maxDelay);
        }
        if (jitter > 0) {
            d *= 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        }
        return Math.max(0, Math.round(d));
    }

    public long ackTimeout() {
        return ackTimeout;
    }
}
