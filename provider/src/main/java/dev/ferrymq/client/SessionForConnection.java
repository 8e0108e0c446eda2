package dev.ferrymq.client;

import dev.ferrymq.client.util.SerialExecutor;
import dev.ferrymq.client.util.SyncCompletion;
import jakarta.jms.JMSException;

import java.util.List;
import java.util.Map;

/**
 * A {@link FerrySession} as its connection sees it ({@link ConnectionSessions}, {@link FerryConnection}):
 * the connection's start and stop reach the session's listener deliveries and consumers here
 * ("Pausing delivery of incoming messages"), the connection asks here whether the current thread
 * runs one of the session's callbacks, and closes the session here when it closes. It holds the
 * parts of the session it drives, never the session itself, so it does not call back into
 * {@link FerrySession} (no class cycle).
 *
 * <p>Threading: like the parts it drives: {@link #isDeliveryThread()}, {@link #isCompletionThread()}
 * and {@link #wakeConsumers()} from any thread, lock-free; start, stop and pause are called under the
 * connection's lifecycle lock ({@link ConnectionSessions}), never while waiting for a listener;
 * {@link #awaitListenerReturned()} and {@link #closeForConnection()} outside it, from the thread
 * stopping or closing the connection.
 */
final class SessionForConnection {

    private final SerialExecutor deliveries;
    private final AsyncSends asyncSends;
    private final SessionConsumers consumers;
    private final SessionClose closer;

    SessionForConnection(SerialExecutor deliveries, AsyncSends asyncSends, SessionConsumers consumers, SessionClose closer) {
        this.deliveries = deliveries;
        this.asyncSends = asyncSends;
        this.consumers = consumers;
        this.closer = closer;
    }

    /** Whether the current thread runs one of the session's message listeners. */
    boolean isDeliveryThread() {
        return deliveries.isCurrentThread();
    }

    /** Whether the current thread runs one of the session's CompletionListeners. */
    boolean isCompletionThread() {
        return asyncSends.isCallbackThread();
    }

    /** The connection started: listeners run again, consumers take part in dispatch again. */
    void connectionStarted() {
        deliveries.resume();
        consumers.followConnection();
        consumers.wakeAll();
    }

    /** Wakes the session's blocked receives and listeners, e.g. to see the connection closed. */
    void wakeConsumers() {
        consumers.wakeAll();
    }

    /**
     * The connection stopped: no listener turn starts, and the consumers suspend their engine
     * sides; returns those suspensions for {@link SessionConsumers#handBackAfterStop}.
     */
    List<Map.Entry<FerryMessageConsumer, SyncCompletion<Void>>> connectionStopped() {
        deliveries.pause();
        return consumers.followConnection();
    }

    /** The connection is closing: no listener turn starts (the consumers close with the session). */
    void pauseDeliveries() {
        deliveries.pause();
    }

    /** Waits until no listener of the session runs (after {@link #connectionStopped()}). */
    void awaitListenerReturned() {
        deliveries.awaitIdle();
    }

    /** Closing of the connection: the session's listeners have returned already. */
    void closeForConnection() throws JMSException {
        closer.close();
    }
}
