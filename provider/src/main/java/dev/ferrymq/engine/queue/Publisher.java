package dev.ferrymq.engine.queue;

/**
 * Who sent a message, as far as routing needs to know (noLocal). Implemented by the engine's
 * connection. Thread-safe reads.
 */
public interface Publisher {

    /** The client ID of the sending connection, or {@code null}. */
    String clientId();
}
