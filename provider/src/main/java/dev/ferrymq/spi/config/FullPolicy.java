package dev.ferrymq.spi.config;

/** What a send to a full queue does ({@link LimitOptions#FULL_POLICY}). */
public enum FullPolicy {
    /** The send waits for room, up to {@link LimitOptions#SEND_TIMEOUT}. */
    BLOCK,
    /** The send fails at once. */
    FAIL
}
