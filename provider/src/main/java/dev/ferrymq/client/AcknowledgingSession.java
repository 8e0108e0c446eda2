package dev.ferrymq.client;

import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * A FerryMQ session seen by the simplified API: {@code JMSContext.acknowledge()} needs to
 * acknowledge every message the session consumed, which {@link Session} has no method for.
 *
 * <p>Threading: implementations are thread-safe; called from the application's and the delivery threads.
 */
public interface AcknowledgingSession extends Session {

    /**
     * Acknowledges all messages consumed by this session so far (CLIENT_ACKNOWLEDGE); does nothing
     * in other modes.
     *
     * @throws jakarta.jms.IllegalStateException when the session is closed
     */
    void acknowledge() throws JMSException;
}
