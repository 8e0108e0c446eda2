package dev.ferrymq.client;

import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.EngineConnection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection's client identifier ("Client identifier"): configured administratively (then
 * fixed), or set once by the application right after the connection is created, before any other
 * action on it; the engine refuses an ID already in use.
 *
 * <p>Thread-safe: {@link #set} is serialized by its own lock (not on any hot path); the other
 * methods are lock-free.
 */
final class ClientIdentity {

    private final boolean administrative;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String clientId;
    private volatile boolean setupDone;

    /** @param configured the administratively configured client ID, or {@code null} */
    ClientIdentity(String configured) {
        this.clientId = configured;
        this.administrative = configured != null;
    }

    /** The client ID, or {@code null} when none is set. */
    String current() {
        return clientId;
    }

    /** Another action was taken on the connection: from now on the client ID cannot be set. */
    void setupAction() {
        if (!setupDone) {
            setupDone = true;
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
        lock.lock();
        try {
            if (clientId != null || setupDone) {
                throw new IllegalStateException("setClientID must be called right after the connection is created, "
                        + "before any other action on it (and only once)");
            }
            if (id == null || id.isEmpty()) {
                throw new InvalidClientIDException("client ID must not be null or empty");
            }
            SyncCompletion.<Void>call(done -> engine.setClientId(id, done));
            clientId = id;
            setupDone = true;
        } finally {
            lock.unlock();
        }
    }
}
