package dev.ferrymq.store;

import java.util.Locale;

/**
 * When the file journal forces written data to the disk, and so when an append counts as
 * durable. Declared as the {@code syncPolicy} option in {@link StoreOptions}. Immutable.
 */
public enum SyncPolicy {
    /**
     * The default: an append completes only after its bytes are written and forced to the disk
     * ({@code fsync}); concurrent appends share one force (group commit). Survives JVM kills,
     * OS crashes and power loss.
     */
    ALWAYS,
    /**
     * An append completes once its bytes are written to the operating system; the writer forces
     * them at most {@code syncInterval} milliseconds later. Survives a JVM kill (the OS still
     * holds the bytes) but an OS crash or power loss may lose the last {@code syncInterval}
     * milliseconds of acknowledged appends. Much faster for a single producer.
     */
    INTERVAL,
    /**
     * Never forces except on close and before compaction deletes a file. For tests only: an OS
     * crash may lose anything.
     */
    NEVER;

    /** The option value, e.g. {@code always}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
