package dev.ferrymq.client.context;

import dev.ferrymq.client.util.JmsExceptions;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSException;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection under one {@code JMSContext} and the siblings made by its
 * {@code createContext}: closed when the last of them closes. Also remembers whether any of them
 * did anything yet, since the client ID may only be set before that. Thread-safe.
 */
final class SharedConnection {

    private final Connection connection;
    private final AtomicInteger contexts = new AtomicInteger(1);
    private volatile boolean used;

    SharedConnection(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** A sibling context now uses the connection too. */
    void retain() {
        contexts.incrementAndGet();
    }

    /** A context closed; the last one closes the connection (waiting as Connection.close does). */
    void release() {
        if (contexts.decrementAndGet() == 0) {
            try {
                connection.close();
            } catch (JMSException e) {
                throw JmsExceptions.toRuntime(e);
            }
        }
    }

    /** Some context on this connection did something: the client ID can no longer be set. */
    void markUsed() {
        if (!used) {
            used = true;
        }
    }

    @FunctionalInterface
    interface ConnectionCall<T> {
        T apply(Connection connection) throws JMSException;
    }

    /** Runs {@code call} on the connection, translating a JMSException to its runtime twin. */
    <T> T call(ConnectionCall<T> call) {
        try {
            return call.apply(connection);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @FunctionalInterface
    interface ConnectionRun {
        void apply(Connection connection) throws JMSException;
    }

    /** Runs {@code run} on the connection, translating a JMSException to its runtime twin. */
    void run(ConnectionRun run) {
        call(c -> {
            run.apply(c);
            return null;
        });
    }

    void setClientID(String clientID) {
        if (used) {
            throw new IllegalStateRuntimeException("the client ID can only be set right after the JMSContext is "
                    + "created, before any other action on it (or on a JMSContext sharing its connection)");
        }
        try {
            connection.setClientID(clientID);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }
}
