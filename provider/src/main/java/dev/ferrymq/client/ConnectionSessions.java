package dev.ferrymq.client;

import dev.ferrymq.client.util.SyncCompletion;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A connection's open sessions and its started/stopped state ("Pausing delivery of incoming
 * messages"): start resumes every session's message delivery; stop pauses them and then waits
 * until their running listeners returned; a session created while started starts at once.
 *
 * <p>Thread-safe. Start, stop and session registration are serialized by one lifecycle lock,
 * which is never held while waiting for a listener; {@link #isStarted} and
 * {@link #calledFromOwnCallback} are lock-free.
 */
final class ConnectionSessions {

    private final Set<SessionForConnection> sessions = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile boolean started;

    boolean isStarted() {
        return started;
    }

    /** Whether the current thread runs a message listener of one of these sessions. */
    boolean calledFromOwnListener() {
        for (SessionForConnection s : sessions) {
            if (s.isDeliveryThread()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the current thread runs a listener or completion callback of one of these sessions. */
    boolean calledFromOwnCallback() {
        for (SessionForConnection s : sessions) {
            if (s.isDeliveryThread() || s.isCompletionThread()) {
                return true;
            }
        }
        return false;
    }

    /** Registers {@code session} (started if the connection is) unless {@code closed}; false if it was. */
    boolean add(SessionForConnection session, BooleanSupplier closed) {
        lifecycle.lock();
        try {
            if (closed.getAsBoolean()) {
                return false;
            }
            sessions.add(session);
            if (started) {
                session.connectionStarted();
            }
            return true;
        } finally {
            lifecycle.unlock();
        }
    }

    void remove(SessionForConnection session) {
        sessions.remove(session);
    }

    /** Wakes every session's blocked receives and listeners, e.g. to see the connection closed. */
    void wakeAll() {
        for (SessionForConnection s : sessions) {
            s.wakeConsumers();
        }
    }

    void start() {
        lifecycle.lock();
        try {
            if (started) {
                return;
            }
            started = true;
            for (SessionForConnection s : sessions) {
                s.connectionStarted();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Stops delivery if started, waits until the listeners running now returned, then hands back
     * to their queues what the consumers prefetched and did not deliver.
     */
    void stop() throws JMSException {
        List<SessionForConnection> paused = new ArrayList<>();
        List<Map.Entry<FerryMessageConsumer, SyncCompletion<Void>>> suspending = new ArrayList<>();
        lifecycle.lock();
        try {
            if (!started) {
                return;
            }
            started = false;
            for (SessionForConnection s : sessions) {
                suspending.addAll(s.connectionStopped());
                paused.add(s);
            }
        } finally {
            lifecycle.unlock();
        }
        for (SessionForConnection s : paused) {
            s.awaitListenerReturned();
        }
        JMSException failure = SessionConsumers.handBackAfterStop(suspending, null);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * For close: stops delivery of every session (started or not), waits until their listeners
     * returned, and returns them to be closed.
     */
    List<SessionForConnection> stopAll() {
        List<SessionForConnection> all;
        lifecycle.lock();
        try {
            started = false;
            all = new ArrayList<>(sessions);
            for (SessionForConnection s : all) {
                s.pauseDeliveries();
            }
        } finally {
            lifecycle.unlock();
        }
        for (SessionForConnection s : all) {
            s.awaitListenerReturned();
        }
        return all;
    }
}
