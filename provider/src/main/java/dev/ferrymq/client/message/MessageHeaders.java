package dev.ferrymq.client.message;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.client.destination.FerryDestinations;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.nio.charset.StandardCharsets;

/**
 * The JMS header fields of a FerryMQ {@link Message} ("Message header fields"): their values,
 * their getters and setters, how a received message takes them from its {@link MessageData} and
 * how a send puts them back into one. {@link FerryMessage} adds properties, acknowledgement and
 * the body.
 *
 * <p>A base class rather than a field of {@link FerryMessage}, so that each message stays one
 * object and a header read or write stays one plain method call. Public only so that the public
 * {@code FerryMessage} inherits these methods without bridges; the package is not exported.
 *
 * <p>A received JMSDestination and JMSReplyTo stay {@link DestinationRef}s until first asked for,
 * then become {@link Destination} objects once.
 *
 * <p>Threading contract: not thread-safe, like every JMS message: one thread at a time (the
 * session's thread).
 */
public abstract class MessageHeaders implements Message {

    private String messageId;
    private long timestamp;
    /** JMSCorrelationID; when set as bytes, their UTF-8 decoding (so selectors can see it). */
    private String correlationId;
    /** JMSCorrelationID as set with setJMSCorrelationIDAsBytes: a private copy, never changed. */
    private byte[] correlationIdBytes;
    private Destination replyTo;
    /** A received JMSReplyTo not yet turned into a Destination object. */
    private DestinationRef replyToRef;
    private Destination destination;
    /** A received JMSDestination not yet turned into a Destination object. */
    private DestinationRef destinationRef;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;

    /** The headers of a new message: all defaults. */
    MessageHeaders() {
    }

    /** The headers of a message received over {@code data}, delivered for the {@code deliveryCount}th time. */
    MessageHeaders(MessageData data, int deliveryCount) {
        messageId = data.messageId();
        timestamp = data.timestamp();
        correlationId = data.correlationId();
        correlationIdBytes = data.correlationIdBytes();
        destinationRef = data.destination();
        replyToRef = data.replyTo();
        deliveryMode = data.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT;
        redelivered = deliveryCount > 1;
        type = data.type();
        expiration = data.expiration();
        deliveryTime = data.deliveryTime();
        priority = data.priority();
    }

    // ---- header fields: always settable ("Changing the value of a received message")

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    /** The bytes as set, or else the UTF-8 bytes of the String correlation ID, or null. A copy. */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        correlationIdBytes = correlationID == null ? null : correlationID.clone();
        correlationId = correlationID == null ? null : new String(correlationID, StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        correlationId = correlationID;
        correlationIdBytes = null;
    }

    /** The String correlation ID, or the UTF-8 decoding of one set as bytes. */
    @Override
    public String getJMSCorrelationID() {
        return correlationId;
    }

    @Override
    public Destination getJMSReplyTo() {
        if (replyTo == null && replyToRef != null) {
            replyTo = FerryDestinations.of(replyToRef);
        }
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
        this.replyToRef = null;
    }

    @Override
    public Destination getJMSDestination() {
        if (destination == null && destinationRef != null) {
            destination = FerryDestinations.of(destinationRef);
        }
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
        this.destinationRef = null;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    /**
     * A builder of this message as the engine holds it, sent to {@code target}, with the header
     * fields set; the caller adds properties and body.
     */
    final MessageData.Builder headersForSend(DestinationRef target) throws JMSException {
        DestinationRef replyRef = replyToRef;
        if (replyRef == null && replyTo != null) {
            replyRef = FerryDestination.toRef(replyTo);
        }
        return MessageData.builder()
                .messageId(messageId)
                .timestamp(timestamp)
                .correlationId(correlationId)
                .correlationIdBytes(correlationIdBytes)
                .destination(target)
                .replyTo(replyRef)
                .persistent(deliveryMode != DeliveryMode.NON_PERSISTENT)
                .priority(priority)
                .expiration(expiration)
                .deliveryTime(deliveryTime)
                .type(type);
    }
}
