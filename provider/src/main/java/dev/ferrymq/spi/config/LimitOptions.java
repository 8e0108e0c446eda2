package dev.ferrymq.spi.config;

import java.util.List;

/**
 * The per-destination memory limits of a broker, declared once: how much a queue (a queue
 * destination, or each subscription of a topic) may hold before sends to it are held back or
 * refused. Given like the {@link RedeliveryOptions}: {@code <option>=<value>} for every destination
 * or {@code <option>@<pattern>=<value>} for destinations whose name matches (see
 * {@link DestinationOptions}); a topic subscription uses its topic's name.
 *
 * <p>Threading contract: immutable constants.
 */
public final class LimitOptions {

    /** The default of {@link #MAX_QUEUE_BYTES}: an eighth of the JVM's maximum heap. */
    public static final long DEFAULT_MAX_QUEUE_BYTES = Runtime.getRuntime().maxMemory() / 8;

    public static final Option<Long> MAX_QUEUE_BYTES = Option.number("maxQueueBytes", DEFAULT_MAX_QUEUE_BYTES, -1,
            "Estimated heap bytes of the messages a queue (each subscription of a topic) may hold, available, delayed "
                    + "and delivered but unacknowledged together, before fullPolicy applies to sends; 0 or -1: unlimited.")
            .withDefaultText("1/8 of the maximum heap");

    public static final Option<Long> MAX_QUEUE_MESSAGES = Option.number("maxQueueMessages", -1, -1,
            "Messages a queue (each subscription of a topic) may hold before fullPolicy applies to sends; "
                    + "0 or -1: unlimited.");

    public static final Option<FullPolicy> FULL_POLICY = Option.choice("fullPolicy", FullPolicy.class, FullPolicy.BLOCK,
            "What a send to a full queue does: 'block' waits until the queue is down to 90 % of its limit (acknowledgements, "
                    + "expiry or dead letters free it; then held sends go on in a burst) for up to sendTimeout, then fails; "
                    + "'fail' fails at once. Either failure is a ResourceAllocationException (a commit: "
                    + "TransactionRolledBackException).");

    public static final Option<Long> SEND_TIMEOUT = Option.duration("sendTimeout", 30_000,
            "Milliseconds a send (or commit) waits for room in a full queue when fullPolicy=block before it fails; "
                    + "0: waits without limit.");

    /** Every option, in documentation order. */
    public static final List<Option<?>> ALL = List.of(MAX_QUEUE_BYTES, MAX_QUEUE_MESSAGES, FULL_POLICY, SEND_TIMEOUT);

    private LimitOptions() {
    }

    /** Whether a URL option key is one of these, with or without a destination pattern. */
    public static boolean isKey(String key) {
        return DestinationOptions.isKey(ALL, key);
    }
}
