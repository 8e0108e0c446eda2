package dev.ferrymq.engine.connection;

/**
 * A connection as {@link ClientIds} sees it: what it needs to grant, refuse and free a client ID.
 * The engine connection implements it; {@link ClientIds} and {@link BrokerContext} depend on this
 * interface and not on the connection class, so they sit below it.
 *
 * <p>Threading contract: {@link #id}, {@link #clientId} and {@link #isClosed} may be read from any
 * thread (the client ID through a volatile field); {@link #clientIdClaimed} is called by
 * {@link ClientIds} only, on the broker's control executor, which alone writes the client ID.
 */
public interface ClientIdHolder {

    /** The connection's ID, for messages. */
    String id();

    /** The client ID it holds, or {@code null}. */
    String clientId();

    /** Whether the connection is closed (or closing): it may claim no client ID then. */
    boolean isClosed();

    /** {@link ClientIds} granted the connection {@code clientId}; on the broker's control executor. */
    void clientIdClaimed(String clientId);
}
