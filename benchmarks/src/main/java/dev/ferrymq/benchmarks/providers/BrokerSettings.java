package dev.ferrymq.benchmarks.providers;

/** The kind of broker a scenario needs; each provider maps it to its own configuration. Immutable. */
public enum BrokerSettings {
    /** Persistence off: non-persistent scenarios. */
    IN_MEMORY,
    /** Persistence on with the provider's default sync policy, journal in a temporary directory. */
    PERSISTENT,
    /** Persistence off and no memory limit (no paging, no blocking): the pending-memory scenario. */
    IN_MEMORY_UNBOUNDED,
    /**
     * Persistence off, each destination limited to {@link #DESTINATION_LIMIT_BYTES} with sends
     * blocking while it is full: the slow-consumer memory scenario.
     */
    IN_MEMORY_LIMITED;

    /** The per-destination limit of {@link #IN_MEMORY_LIMITED}: 64 MiB. */
    public static final long DESTINATION_LIMIT_BYTES = 64L << 20;
}
