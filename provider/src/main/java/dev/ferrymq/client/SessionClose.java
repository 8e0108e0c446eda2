package dev.ferrymq.client;

import dev.ferrymq.client.util.CloseOnce;
import dev.ferrymq.client.util.SerialExecutor;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's close sequence ("Closing a session") and the producers and browsers it marks
 * closed: stop listener delivery and wait for a running listener (not for the caller's own),
 * wait for outstanding asynchronous sends, close the consumers, mark producers and browsers
 * closed, then close the engine side (rolling back an open transaction, releasing what is
 * unacknowledged). The session refuses a close from its own listener before it gets here.
 *
 * <p>Thread-safe: the sequence runs once; a concurrent close waits until it finished.
 * {@link #isClosed} is a lock-free volatile read.
 */
final class SessionClose {

    private final SessionCore session;
    private final SessionConsumers consumers;
    private final Runnable whenClosed;
    private final Set<FerryMessageProducer> producers = ConcurrentHashMap.newKeySet();
    private final Set<FerryQueueBrowser> browsers = ConcurrentHashMap.newKeySet();
    private final CloseOnce closeOnce = new CloseOnce();
    private volatile boolean closed;

    /** @param whenClosed told once at the end of the close sequence (the connection forgets the session) */
    SessionClose(SessionCore session, SessionConsumers consumers, Runnable whenClosed) {
        this.session = session;
        this.consumers = consumers;
        this.whenClosed = whenClosed;
    }

    /** Whether the session is closed (from the middle of its close sequence on). */
    boolean isClosed() {
        return closed;
    }

    /** Whether the close sequence ran to its end. */
    boolean isFinished() {
        return closeOnce.isFinished();
    }

    void add(FerryMessageProducer p) {
        producers.add(p);
    }

    void remove(FerryMessageProducer p) {
        producers.remove(p);
    }

    void add(FerryQueueBrowser b) {
        browsers.add(b);
    }

    void remove(FerryQueueBrowser b) {
        browsers.remove(b);
    }

    /** Runs the close sequence, or waits for the one running; throws the first failure. */
    void close() throws JMSException {
        SerialExecutor deliveries = session.deliveries();
        AsyncSends asyncSends = session.asyncSends();
        if (!closeOnce.begin()) {
            closeOnce.awaitFinished();
            return;
        }
        deliveries.pause();
        deliveries.awaitIdle();
        asyncSends.awaitAll();
        closed = true;
        JMSException failure = consumers.closeAll(null);
        for (FerryMessageProducer p : new ArrayList<>(producers)) {
            p.markClosed();
        }
        for (FerryQueueBrowser b : new ArrayList<>(browsers)) {
            b.markClosed();
        }
        deliveries.shutdown();
        asyncSends.shutdown();
        failure = finishClose(failure);
        failure = session.connection().closeFailure(failure);
        if (failure != null) {
            throw failure;
        }
    }

    private JMSException finishClose(JMSException failure) {
        try {
            session.engine().close();
        } catch (JMSException e) {
            failure = failure == null ? e : failure;
        } finally {
            whenClosed.run();
            closeOnce.finished();
        }
        return failure;
    }
}
