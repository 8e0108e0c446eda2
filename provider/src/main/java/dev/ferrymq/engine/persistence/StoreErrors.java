package dev.ferrymq.engine.persistence;

import dev.ferrymq.spi.EngineException;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.StoreException;

/**
 * Turns {@link StoreException}s into {@link EngineException}s whose kind names the JMS exception:
 * a full disk becomes RESOURCE_ALLOCATION ({@code ResourceAllocationException}), a stopping
 * broker ILLEGAL_STATE, the rest GENERAL, each with a message saying what failed and where.
 *
 * <p>Threading contract: stateless.
 */
final class StoreErrors {

    private StoreErrors() {
    }

    /** A failure opening the store at broker start: always GENERAL, with the store's own explanation. */
    static EngineException atStart(String broker, JournalConfig config, StoreException e) {
        String why = switch (e.kind()) {
            case LOCKED -> e.getMessage();
            case INCOMPATIBLE_FORMAT -> "the data directory " + config.directory() + " was written by an "
                    + "incompatible FerryMQ version: " + e.getMessage()
                    + " (use that version, or another dataDirectory)";
            default -> "the data directory " + config.directory() + " cannot be used: " + e.getMessage();
        };
        return new EngineException(EngineException.Kind.GENERAL, "cannot start broker '" + broker + "': " + why, e);
    }

    /** A failed write of a {@code what} (send, commit, acknowledge). */
    static EngineException onWrite(String broker, JournalConfig config, StoreException e, String what) {
        return switch (e.kind()) {
            case DISK_FULL -> new EngineException(EngineException.Kind.RESOURCE_ALLOCATION, "cannot " + what
                    + ": the disk holding the data directory " + config.directory() + " of broker '" + broker
                    + "' is full (" + e.getMessage() + "); nothing of it was stored", e);
            case CLOSED -> new EngineException(EngineException.Kind.ILLEGAL_STATE, "cannot " + what + ": broker '"
                    + broker + "' is stopping", e);
            default -> new EngineException(EngineException.Kind.GENERAL, "cannot " + what + ": broker '" + broker
                    + "' could not write to its store: " + e.getMessage(), e);
        };
    }
}
