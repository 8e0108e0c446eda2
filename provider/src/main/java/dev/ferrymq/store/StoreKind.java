package dev.ferrymq.store;

/** Where persistent messages are kept ({@link StoreOptions#STORE}). */
public enum StoreKind {
    /** A journal in the data directory that survives restarts and crashes. */
    FILE,
    /** Nothing on disk. */
    MEMORY
}
