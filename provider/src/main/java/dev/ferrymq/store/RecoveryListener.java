package dev.ferrymq.store;

/**
 * Receives the live records while {@link dev.ferrymq.store.journals.Journals#open} runs, on the opening thread, in the order
 * their adds were first appended (a record moved by compaction keeps its place). Deleted records
 * are never given.
 */
@FunctionalInterface
public interface RecoveryListener {

    /** Ignores everything: for a fresh store or tests. */
    RecoveryListener IGNORE = record -> { };

    void onRecord(LiveRecord record);
}
