package dev.ferrymq.store;

/**
 * A store failure. Its {@link Kind} tells the caller what happened so it can translate it (the
 * engine maps {@link Kind#DISK_FULL} to a resource-allocation error and the rest to general
 * errors) without parsing messages.
 *
 * <p>When an append fails, none of its batch is acknowledged; see {@link Journal#append} for
 * what may survive a restart. Immutable once thrown.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** An I/O error other than a full disk (permissions, device errors, fsync failure). */
        IO,
        /** The file system has no space left; appends work again once space returns. */
        DISK_FULL,
        /** Another store (in this or another JVM) holds the data directory's lock file. */
        LOCKED,
        /** The data directory was written by an incompatible FerryMQ store format. */
        INCOMPATIBLE_FORMAT,
        /** The journal is closed (or closing) and accepts no more appends. */
        CLOSED,
        /**
         * A batch does not fit the journal's state: adding an id that is live, updating or
         * deleting one that is not. Nothing of the batch was written.
         */
        INVALID_OPERATION
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
