package dev.ferrymq.store;

import java.nio.file.Path;

/**
 * The data directory is in use: another store, in this JVM or another process, holds its lock
 * file. Thrown by {@link dev.ferrymq.store.journals.Journals#open}; kind {@link StoreException.Kind#LOCKED}.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
public final class StoreLockedException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    public StoreLockedException(Path directory, String message) {
        super(Kind.LOCKED, message);
        this.directory = directory;
    }

    /** The data directory that is locked. */
    public Path directory() {
        return directory;
    }
}
