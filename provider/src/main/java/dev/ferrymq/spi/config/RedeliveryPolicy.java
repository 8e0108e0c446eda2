package dev.ferrymq.spi.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The typed form of the {@link RedeliveryOptions}, for code: e.g.
 * {@code factory.withRedeliveryPolicy("orders.*", RedeliveryPolicy.defaults().withMaxDeliveryAttempts(3)
 * .withRedeliveryDelay(100, 2.0, 5_000))}. It sets the same options, typed, so URL, JNDI and
 * code configure the same thing.
 *
 * @param maxDeliveryAttempts  see {@link RedeliveryOptions#MAX_DELIVERY_ATTEMPTS}; 0 or -1 unlimited
 * @param redeliveryDelay      see {@link RedeliveryOptions#REDELIVERY_DELAY}, milliseconds
 * @param redeliveryMultiplier see {@link RedeliveryOptions#REDELIVERY_MULTIPLIER}, at least 1
 * @param maxRedeliveryDelay   see {@link RedeliveryOptions#MAX_REDELIVERY_DELAY}, milliseconds
 * @param redeliveryJitter     see {@link RedeliveryOptions#REDELIVERY_JITTER}, 0 to 1
 * @param deadLetterQueue      see {@link RedeliveryOptions#DEAD_LETTER_QUEUE}; empty for none
 * @param expiryQueue          see {@link RedeliveryOptions#EXPIRY_QUEUE}; empty for none
 * @param ackTimeout           see {@link RedeliveryOptions#ACK_TIMEOUT}, milliseconds; 0 for none
 */
public record RedeliveryPolicy(int maxDeliveryAttempts, long redeliveryDelay, double redeliveryMultiplier,
                               long maxRedeliveryDelay, double redeliveryJitter, String deadLetterQueue,
                               String expiryQueue, long ackTimeout) {

    /**
     * Checks every value by the options' declared rules.
     *
     * @throws IllegalArgumentException naming the option when a value is out of range
     */
    public RedeliveryPolicy {
        RedeliveryOptions.MAX_DELIVERY_ATTEMPTS.check(maxDeliveryAttempts);
        RedeliveryOptions.REDELIVERY_DELAY.check(redeliveryDelay);
        RedeliveryOptions.REDELIVERY_MULTIPLIER.check(redeliveryMultiplier);
        RedeliveryOptions.MAX_REDELIVERY_DELAY.check(maxRedeliveryDelay);
        RedeliveryOptions.REDELIVERY_JITTER.check(redeliveryJitter);
        RedeliveryOptions.ACK_TIMEOUT.check(ackTimeout);
    }

    /** The declared defaults. */
    public static RedeliveryPolicy defaults() {
        return new RedeliveryPolicy(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS.defaultValue(),
                RedeliveryOptions.REDELIVERY_DELAY.defaultValue(), RedeliveryOptions.REDELIVERY_MULTIPLIER.defaultValue(),
                RedeliveryOptions.MAX_REDELIVERY_DELAY.defaultValue(), RedeliveryOptions.REDELIVERY_JITTER.defaultValue(),
                RedeliveryOptions.DEAD_LETTER_QUEUE.defaultValue(), RedeliveryOptions.EXPIRY_QUEUE.defaultValue(),
                RedeliveryOptions.ACK_TIMEOUT.defaultValue());
    }

    public RedeliveryPolicy withMaxDeliveryAttempts(int attempts) {
        return new RedeliveryPolicy(attempts, redeliveryDelay, redeliveryMultiplier, maxRedeliveryDelay,
                redeliveryJitter, deadLetterQueue, expiryQueue, ackTimeout);
    }

    /** Exponential backoff: {@code initial}, then times {@code multiplier} per attempt, at most {@code max}. */
    public RedeliveryPolicy withRedeliveryDelay(long initial, double multiplier, long max) {
        return new RedeliveryPolicy(maxDeliveryAttempts, initial, multiplier, max, redeliveryJitter, deadLetterQueue,
                expiryQueue, ackTimeout);
    }

    public RedeliveryPolicy withRedeliveryJitter(double jitter) {
        return new RedeliveryPolicy(maxDeliveryAttempts, redeliveryDelay, redeliveryMultiplier, maxRedeliveryDelay,
                jitter, deadLetterQueue, expiryQueue, ackTimeout);
    }

    public RedeliveryPolicy withDeadLetterQueue(String queue) {
        return new RedeliveryPolicy(maxDeliveryAttempts, redeliveryDelay, redeliveryMultiplier, maxRedeliveryDelay,
                redeliveryJitter, queue == null ? "" : queue, expiryQueue, ackTimeout);
    }

    public RedeliveryPolicy withExpiryQueue(String queue) {
        return new RedeliveryPolicy(maxDeliveryAttempts, redeliveryDelay, redeliveryMultiplier, maxRedeliveryDelay,
                redeliveryJitter, deadLetterQueue, queue == null ? "" : queue, ackTimeout);
    }

    public RedeliveryPolicy withAckTimeout(long millis) {
        return new RedeliveryPolicy(maxDeliveryAttempts, redeliveryDelay, redeliveryMultiplier, maxRedeliveryDelay,
                redeliveryJitter, deadLetterQueue, expiryQueue, millis);
    }

    /**
     * The options this policy sets, typed, by key: {@code <option>} for every destination when
     * {@code pattern} is {@code null}, else {@code <option>@<pattern>} for destinations matching it.
     */
    public Map<String, Object> toOptions(String pattern) {
        String suffix = pattern == null ? "" : DestinationOptions.PATTERN_SEPARATOR + pattern;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS.name() + suffix, maxDeliveryAttempts);
        out.put(RedeliveryOptions.REDELIVERY_DELAY.name() + suffix, redeliveryDelay);
        out.put(RedeliveryOptions.REDELIVERY_MULTIPLIER.name() + suffix, redeliveryMultiplier);
        out.put(RedeliveryOptions.MAX_REDELIVERY_DELAY.name() + suffix, maxRedeliveryDelay);
        out.put(RedeliveryOptions.REDELIVERY_JITTER.name() + suffix, redeliveryJitter);
        out.put(RedeliveryOptions.DEAD_LETTER_QUEUE.name() + suffix, deadLetterQueue == null ? "" : deadLetterQueue);
        out.put(RedeliveryOptions.EXPIRY_QUEUE.name() + suffix, expiryQueue == null ? "" : expiryQueue);
        out.put(RedeliveryOptions.ACK_TIMEOUT.name() + suffix, ackTimeout);
        return out;
    }
}
