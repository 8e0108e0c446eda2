package dev.ferrymq.store.journals;

import dev.ferrymq.store.journals.Journals;
import dev.ferrymq.store.InMemoryJournal;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.StoreLockedException;
import dev.ferrymq.store.file.FileJournal;

/**
 * Opens the journal a {@link JournalConfig} describes: the in-memory one or the file journal. The
 * one place that knows both implementations, so {@code dev.ferrymq.store} (the journal's contract)
 * depends on neither. Stateless.
 */
public final class Journals {

    private Journals() {
    }

    /**
     * Opens (creating if needed) the journal {@code config} describes and gives its live records
     * to {@code listener} before returning.
     *
     * @throws StoreLockedException when another store holds the data directory
     * @throws StoreException       {@link StoreException.Kind#INCOMPATIBLE_FORMAT} for files from an
     *                              incompatible version, {@link StoreException.Kind#IO} when the
     *                              directory cannot be used
     */
    public static Journal open(JournalConfig config, RecoveryListener listener) {
        return config.isInMemory() ? InMemoryJournal.open(listener) : FileJournal.open(config, listener);
    }
}
