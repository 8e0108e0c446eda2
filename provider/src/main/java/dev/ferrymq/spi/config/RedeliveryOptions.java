package dev.ferrymq.spi.config;

import java.util.List;
import java.util.Map;

/**
 * The per-destination acknowledgement, redelivery, dead-letter and expiry options of a broker,
 * declared once. Each is given on the broker URL (and so in JNDI) as {@code <option>=<value>} for
 * every destination or {@code <option>@<pattern>=<value>} for destinations whose name matches
 * the pattern (see {@link DestinationOptions} for the pattern rule: most specific wins), or in
 * code with {@link RedeliveryPolicy}. A topic subscription uses the options of its topic's name.
 *
 * <p>Threading contract: immutable constants and stateless parsing.
 */
public final class RedeliveryOptions {

    /** Placeholder in queue name options, replaced by the destination's name. */
    public static final String NAME_PLACEHOLDER = "{name}";

    public static final Option<Integer> MAX_DELIVERY_ATTEMPTS = Option.integer("maxDeliveryAttempts", 10, -1,
            "Deliveries of a message that the application saw (then recovered, rolled back, failed in a listener or "
                    + "left unacknowledged at close) before it goes to the dead-letter queue instead of back to "
                    + "its destination; 0 or -1: unlimited.");

    public static final Option<Long> REDELIVERY_DELAY = Option.duration("redeliveryDelay", 0,
            "Milliseconds a message handed back after the application saw it waits before its first redelivery; "
                    + "0 redelivers at once. Messages behind it are not held up. A stored (PERSISTENT, durable queue) "
                    + "message keeps waiting across a restart.");

    public static final Option<Double> REDELIVERY_MULTIPLIER = Option.decimal("redeliveryMultiplier", 1.0, 1.0, 1000.0,
            "Backoff: each further redelivery waits this many times longer than the one before.");

    public static final Option<Long> MAX_REDELIVERY_DELAY = Option.duration("maxRedeliveryDelay", 60_000,
            "Upper bound in milliseconds of the redelivery delay after backoff (before jitter).");

    public static final Option<Double> REDELIVERY_JITTER = Option.decimal("redeliveryJitter", 0.0, 0.0, 1.0,
            "Random spread of each redelivery delay: 0.1 makes it vary by up to ±10 %; 0 for none.");

    public static final Option<String> DEAD_LETTER_QUEUE = Option.string("deadLetterQueue", "DLQ." + NAME_PLACEHOLDER,
            "Queue that receives messages after maxDeliveryAttempts; {name} stands for the destination's name (the "
                    + "topic's for a subscription); a name without {name} is one shared queue; empty: such messages "
                    + "are dropped and counted.");

    public static final Option<String> EXPIRY_QUEUE = Option.string("expiryQueue", "",
            "Queue that receives expired messages ({name} as for deadLetterQueue); empty: expired messages are "
                    + "dropped and counted.").withDefaultText("none");

    public static final Option<Long> ACK_TIMEOUT = Option.duration("ackTimeout", 0,
            "Milliseconds a consumer may hold a delivered message unacknowledged (counted from the delivery to "
                    + "the consumer, prefetched ones included) before it is redelivered to another consumer and "
                    + "the connection's ExceptionListener told; 0: no timeout.");

    /** Every option, in documentation order. */
    public static final List<Option<?>> ALL = List.of(MAX_DELIVERY_ATTEMPTS, REDELIVERY_DELAY, REDELIVERY_MULTIPLIER,
            MAX_REDELIVERY_DELAY, REDELIVERY_JITTER, DEAD_LETTER_QUEUE, EXPIRY_QUEUE, ACK_TIMEOUT);

    private RedeliveryOptions() {
    }

    /** Whether a URL option key is one of these, with or without a destination pattern. */
    public static boolean isKey(String key) {
        return DestinationOptions.isKey(ALL, key);
    }

    /**
     * Parses the URL options that are redelivery options (see {@link #isKey}).
     *
     * @throws IllegalArgumentException naming the option when one is unknown or its value invalid
     */
    public static DestinationOptions parse(Map<String, String> options) {
        return DestinationOptions.parse(ALL, options);
    }

    /** A queue name option resolved for destination {@code name}: {@code null} when empty. */
    public static String queueName(String template, String name) {
        if (template == null || template.isEmpty()) {
            return null;
        }
        return template.replace(NAME_PLACEHOLDER, name);
    }
}
