package dev.ferrymq.client;

import dev.ferrymq.client.util.ClientThreads;
import dev.ferrymq.client.util.SerialExecutor;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;

/**
 * A connection's exception listener and its delivery ("Exception listener"): failures no call is
 * waiting for go to the application's listener, translated to JMSException, on a provider thread,
 * one call at a time, in the order reported.
 *
 * <p>Thread-safe and lock-free: {@link #report} may be called from any thread, engine threads
 * included; it never runs the listener on the caller's thread.
 */
final class ExceptionReports {

    private final SerialExecutor delivery;
    private volatile ExceptionListener listener;

    ExceptionReports(String connectionId) {
        this.delivery = new SerialExecutor(ClientThreads.pool(), "exception-listener " + connectionId);
    }

    ExceptionListener listener() {
        return listener;
    }

    void setListener(ExceptionListener listener) {
        this.listener = listener;
    }

    /** Passes {@code error} to the listener, if any. */
    void report(Throwable error) {
        ExceptionListener l = listener;
        if (l != null) {
            JMSException jms = JmsExceptions.toJms(error);
            delivery.execute(() -> l.onException(jms));
        }
    }

    /** The connection closed: no more reports. */
    void shutdown() {
        delivery.shutdown();
    }
}
