package dev.ferrymq.spi;

/** One broker: opens connections to it. Thread-safe. */
public interface Engine {

    /** The broker's name, e.g. {@code default} for {@code vm://default}. */
    String name();

    /**
     * Opens a connection.
     *
     * @param info     who connects; an administratively configured client ID is claimed at once
     *                 and fails with INVALID_CLIENT_ID when another connection holds it
     * @param listener told of failures that no call is waiting for
     */
    void openConnection(ConnectionInfo info, ConnectionListener listener, Completion<EngineConnection> done);
}
