package dev.ferrymq.client.context;

import dev.ferrymq.client.util.JmsExceptions;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A context's session, created on first need (so that the client ID can still be set right after
 * the context is made), its one anonymous {@link MessageProducer}, and its closed state.
 * Threading: the session is used by one thread at a time; {@link #close()} may race with it, so
 * creation and closing take a lock while the hot path reads volatile fields only.
 */
final class LazySession {

    private final SharedConnection shared;
    private final int sessionMode;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Session session;
    private volatile MessageProducer producer;
    private volatile boolean closed;
    private long appliedDeliveryDelay;
    private boolean appliedDisableMessageID;
    private boolean appliedDisableMessageTimestamp;

    LazySession(SharedConnection shared, int sessionMode) {
        this.shared = shared;
        this.sessionMode = sessionMode;
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("the JMSContext is closed");
        }
    }

    /** The session if it was created, else {@code null}; does not create it. */
    Session existing() {
        return session;
    }

    /** The session, created on first need. @throws IllegalStateRuntimeException when closed */
    Session get() {
        checkOpen();
        shared.markUsed();
        Session s = session;
        if (s != null) {
            return s;
        }
        lock.lock();
        try {
            checkOpen();
            if (session == null) {
                session = shared.connection().createSession(sessionMode);
            }
            return session;
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        } finally {
            lock.unlock();
        }
    }

    private MessageProducer producer() throws JMSException {
        MessageProducer p = producer;
        if (p != null) {
            checkOpen();
            return p;
        }
        Session s = get();
        lock.lock();
        try {
            checkOpen();
            if (producer == null) {
                producer = s.createProducer(null);
            }
            return producer;
        } finally {
            lock.unlock();
        }
    }

    /** Sends with one JMSProducer's options through the anonymous producer. */
    void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive,
              long deliveryDelay, boolean disableMessageID, boolean disableMessageTimestamp,
              CompletionListener completion) throws JMSException {
        MessageProducer p = producer();
        if (deliveryDelay != appliedDeliveryDelay) {
            p.setDeliveryDelay(deliveryDelay);
            appliedDeliveryDelay = deliveryDelay;
        }
        if (disableMessageID != appliedDisableMessageID) {
            p.setDisableMessageID(disableMessageID);
            appliedDisableMessageID = disableMessageID;
        }
        if (disableMessageTimestamp != appliedDisableMessageTimestamp) {
            p.setDisableMessageTimestamp(disableMessageTimestamp);
            appliedDisableMessageTimestamp = disableMessageTimestamp;
        }
        if (completion == null) {
            p.send(destination, message, deliveryMode, priority, timeToLive);
        } else {
            p.send(destination, message, deliveryMode, priority, timeToLive, completion);
        }
    }

    /**
     * Marks this closed and closes the session if there is one (waiting as Session.close does).
     *
     * @return false when it was already closed
     */
    boolean close() throws JMSException {
        Session s;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            s = session;
        } finally {
            lock.unlock();
        }
        if (s != null) {
            s.close();
        }
        return true;
    }
}
