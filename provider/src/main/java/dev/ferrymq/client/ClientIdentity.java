package dev.ferrymq.client;

import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.EngineConnection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's client identifier ("Client identifier"): configured administratively (then
 * fixed), or set once by the application right after the connection is created, before any other
 * action on it. Which connection holds an ID is the engine's to decide (it refuses an ID in use);
 * this class only keeps the "first action" rule of one connection.
 *
 * <p>Thread-safe, lock-free: the rule is one atomic state ({@code OPEN} until the first action,
 * {@code CLAIMING} while {@link #set} waits for the engine, then {@code DONE}), so of two
 * concurrent {@link #set} calls one claims and the other fails.
 */
final class ClientIdentity {

    private static final int OPEN = 0;
    private static final int CLAIMING = 1;
    private static final int DONE = 2;

    private final boolean administrative;
    private final AtomicInteger state;
    private volatile String clientId;

    /** @param configured the administratively configured client ID, or {@code null} */
    ClientIdentity(String configured) {
        this.clientId = configured;
        this.administrative = configured != null;
        this.state = new AtomicInteger(administrative ? DONE : OPEN);
    }

    /** The client ID, or {@code null} when none is set. */
    String current() {
        return clientId;
    }

    /** Another action was taken on the connection: from now on the client ID cannot be set. */
    void setupAction() {
        if (state.get() == OPEN) {
            state.compareAndSet(OPEN, DONE);
        }
    }

    /**
     * Sets the client ID through the engine.
     *
     * @throws IllegalStateException     when it was configured administratively, is set already or
     *                                   another action was taken on the connection first
     * @throws InvalidClientIDException  for a null or empty ID, or the engine's refusal of one in use
     */
    void set(String id, EngineConnection engine) throws JMSException {
        if (administrative) {
            throw new IllegalStateException("the client ID '" + clientId
                    + "' was configured administratively (URL option clientID) and cannot be changed");
        }
        if (state.get() != OPEN) {
            throw notFirst();
        }
        if (id == null || id.isEmpty()) {
            throw new InvalidClientIDException("client ID must not be null or empty");
        }
        if (!state.compareAndSet(OPEN, CLAIMING)) {
            throw notFirst();
        }
        try {
            SyncCompletion.<Void>call(done -> engine.setClientId(id, done));
        } catch (JMSException | RuntimeException e) {
            state.set(OPEN);
            throw e;
        }
        clientId = id;
        state.set(DONE);
    }

    private static IllegalStateException notFirst() {
        return new IllegalStateException("setClientID must be called right after the connection is created, "
                + "before any other action on it (and only once)");
    }
}
