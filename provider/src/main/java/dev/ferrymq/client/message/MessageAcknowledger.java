package dev.ferrymq.client.message;

import jakarta.jms.JMSException;

/**
 * What {@code Message.acknowledge()} of a received message calls: the consuming session's
 * acknowledgement (every message the session consumed, in CLIENT_ACKNOWLEDGE).
 *
 * <p>Threading: implementations are thread-safe (Message.acknowledge may be called from any thread).
 */
@FunctionalInterface
public interface MessageAcknowledger {

    void acknowledge() throws JMSException;
}
