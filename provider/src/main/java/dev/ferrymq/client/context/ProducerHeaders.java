package dev.ferrymq.client.context;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;

import java.nio.charset.StandardCharsets;

/**
 * The message headers part of a {@link JMSProducer}: JMSCorrelationID (as a string or as bytes),
 * JMSType and JMSReplyTo, which it sets on every message it sends. A header is applied only once
 * it was set (even to null), so a message's own value stays otherwise. Bytes given or returned are
 * copies.
 *
 * <p>A base class rather than a field of {@link FerryJMSProducer}, so that a producer made per
 * send ({@code context.createProducer().send(...)}) costs no extra object.
 *
 * <p>Threading contract: not thread-safe; used by the thread that uses the producer's context.
 */
abstract class ProducerHeaders implements JMSProducer {

    private boolean correlationIDSet;
    /** A String or a byte[] (a copy of the caller's), or null. */
    private Object correlationID;
    private boolean typeSet;
    private String type;
    private boolean replyToSet;
    private Destination replyTo;

    /** Sets the headers that were set here on {@code message}. */
    final void applyHeaders(Message message) throws JMSException {
        if (correlationIDSet) {
            if (correlationID instanceof byte[] bytes) {
                message.setJMSCorrelationIDAsBytes(bytes.clone());
            } else {
                message.setJMSCorrelationID((String) correlationID);
            }
        }
        if (typeSet) {
            message.setJMSType(type);
        }
        if (replyToSet) {
            message.setJMSReplyTo(replyTo);
        }
    }

    @Override
    public final JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationID = correlationID == null ? null : correlationID.clone();
        correlationIDSet = true;
        return this;
    }

    @Override
    public final byte[] getJMSCorrelationIDAsBytes() {
        if (correlationID instanceof byte[] bytes) {
            return bytes.clone();
        }
        return correlationID == null ? null : ((String) correlationID).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public final JMSProducer setJMSCorrelationID(String correlationID) {
        this.correlationID = correlationID;
        correlationIDSet = true;
        return this;
    }

    @Override
    public final String getJMSCorrelationID() {
        if (correlationID instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return (String) correlationID;
    }

    @Override
    public final JMSProducer setJMSType(String type) {
        this.type = type;
        typeSet = true;
        return this;
    }

    @Override
    public final String getJMSType() {
        return type;
    }

    @Override
    public final JMSProducer setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
        replyToSet = true;
        return this;
    }

    @Override
    public final Destination getJMSReplyTo() {
        return replyTo;
    }
}
