package dev.ferrymq.client;

import dev.ferrymq.client.util.JmsExceptions;
import dev.ferrymq.client.util.SerialExecutor;
import dev.ferrymq.spi.EngineException;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A connection's exception listener and what it is told ("Exception listener"): failures no call
 * is waiting for go to the application's listener, translated to JMSException, on a provider
 * thread, one call at a time, in the order reported.
 *
 * <p>When the engine closes the connection on its own (its broker stopped: an ILLEGAL_STATE
 * {@code ConnectionListener} error, or an ILLEGAL_STATE {@code DeliverySink#onClosed}, whichever
 * comes first) the listener is told once that the connection "was closed by the provider", and of
 * nothing after it; the connection then refuses every call ({@link #checkNotClosedByProvider}).
 * A consumer closed alone is reported naming its destination. As in Qpid JMS, a listener set
 * after a failure is never told of it (here setting one on a connection closed by the provider
 * throws, like every other call). A listener that throws is logged; later reports still reach it.
 *
 * <p>Thread-safe and lock-free: every method may be called from any thread, engine threads
 * included; none runs the listener on the caller's thread or blocks.
 */
final class ExceptionReports {

    private static final System.Logger LOG = System.getLogger(ExceptionReports.class.getName());

    private final String connectionId;
    private final Runnable wakeConsumers;
    private final SerialExecutor delivery;
    private final AtomicReference<JMSException> providerClose = new AtomicReference<>();
    private volatile ExceptionListener listener;

    /** @param wakeConsumers wakes the connection's blocked receives and listeners to see it closed */
    ExceptionReports(String connectionId, Executor threads, Runnable wakeConsumers) {
        this.connectionId = connectionId;
        this.wakeConsumers = wakeConsumers;
        this.delivery = new SerialExecutor(threads, "exception-listener " + connectionId);
    }

    ExceptionListener listener() {
        return listener;
    }

    void setListener(ExceptionListener listener) {
        this.listener = listener;
    }

    /** Passes {@code error} to the listener, if any, unless the provider closed the connection. */
    void report(Throwable error) {
        if (providerClose.get() == null) {
            tell(JmsExceptions.toJms(error));
        }
    }

    /** A {@code ConnectionListener} error: ILLEGAL_STATE says the engine closed the connection. */
    void engineFailure(EngineException error) {
        if (error.kind() == EngineException.Kind.ILLEGAL_STATE) {
            closedByProvider(error);
        } else {
            report(error);
        }
    }

    /**
     * The engine closed a consumer on its own ({@code DeliverySink#onClosed}): with ILLEGAL_STATE
     * the connection closed with it, otherwise only {@code consumer}, which the report names.
     */
    void consumerClosed(String consumer, EngineException reason) {
        if (reason.kind() == EngineException.Kind.ILLEGAL_STATE) {
            closedByProvider(reason);
        } else {
            report(JmsExceptions.closedByProvider(consumer, reason));
        }
    }

    private void closedByProvider(EngineException reason) {
        JMSException failure = JmsExceptions.closedByProvider("connection " + connectionId, reason);
        if (providerClose.compareAndSet(null, failure)) {
            tell(failure);
            wakeConsumers.run();
        }
    }

    /** Whether the engine closed the connection on its own. */
    boolean isClosedByProvider() {
        return providerClose.get() != null;
    }

    /** Throws IllegalStateException saying why when the engine closed the connection on its own. */
    void checkNotClosedByProvider() throws IllegalStateException {
        JMSException failure = providerClose.get();
        if (failure != null) {
            IllegalStateException e = new IllegalStateException(failure.getMessage());
            e.setLinkedException(failure);
            throw e;
        }
    }

    private void tell(JMSException error) {
        ExceptionListener l = listener;
        if (l != null) {
            delivery.execute(() -> call(l, error));
        }
    }

    private void call(ExceptionListener l, JMSException error) {
        try {
            l.onException(error);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the ExceptionListener of connection " + connectionId
                    + " threw when told of: " + error.getMessage(), e);
        }
    }

    /** The connection closed: reports made before still reach the listener, later ones are dropped. */
    void shutdown() {
        delivery.execute(delivery::shutdown);
    }
}
