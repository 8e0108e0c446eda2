package dev.ferrymq.engine.topic;

/**
 * The four kinds of topic subscription ("Creating a consumer on a topic", 8.3.1 to 8.3.4): the
 * registry keys and shares subscriptions by it, a {@link Subscription} knows its own, and the
 * store records it for durable ones.
 *
 * <p>Threading contract: immutable.
 */
public enum SubscriptionKind {
    /** Unshared non-durable: one consumer, gone when it closes. */
    PRIVATE,
    /** Shared non-durable: gone when its last consumer closes. */
    SHARED,
    /** Unshared durable: one consumer at a time, needs the connection's client ID. */
    DURABLE,
    /** Shared durable. */
    SHARED_DURABLE;

    /** Whether subscriptions of this kind outlive their consumers (and, when stored, a restart). */
    public boolean durable() {
        return this == DURABLE || this == SHARED_DURABLE;
    }
}
