package dev.ferrymq.client.message;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.client.destination.FerryDestinations;
import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * A FerryMQ {@link Message}: header fields, properties and acknowledgement, and the plain message
 * with no body. The body types extend it.
 *
 * <p>A received message reads its properties and body straight from the shared, immutable
 * {@link MessageData} the engine delivered; the first change after {@code clearProperties} or
 * {@code clearBody} switches to the message's own state (copy-on-write), so several received
 * messages over one {@code MessageData} never see each other's changes. Sending copies the
 * current state once ({@link Messages#toData}).
 *
 * <p>Not thread-safe, like every JMS message: one thread at a time (the session's thread).
 */
public class FerryMessage implements Message {

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

    private final MessageProperties properties;
    private final MessageAcknowledger acknowledger;
    /** Whether the body is read-only: received and not cleared, or (Bytes/Stream) after reset(). */
    boolean bodyReadOnly;

    /** A new, writable message. */
    FerryMessage() {
        properties = new MessageProperties();
        acknowledger = null;
    }

    /** A received message over {@code data}: headers from it, properties and body read-only. */
    FerryMessage(MessageData data, int deliveryCount, MessageAcknowledger acknowledger) {
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
        properties = new MessageProperties(data.properties(), deliveryCount);
        this.acknowledger = acknowledger;
        bodyReadOnly = true;
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

    // ---- properties

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return PropertyConversions.toBoolean(name, properties.get(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return PropertyConversions.toByte(name, properties.get(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return PropertyConversions.toShort(name, properties.get(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return PropertyConversions.toInt(name, properties.get(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return PropertyConversions.toLong(name, properties.get(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return PropertyConversions.toFloat(name, properties.get(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return PropertyConversions.toDouble(name, properties.get(name));
    }

    @Override
    public String getStringProperty(String name) {
        return PropertyConversions.toString(name, properties.get(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.set(name, value);
    }

    // ---- acknowledgement

    /** Calls the consuming session's acknowledgement; does nothing on a message never received. */
    @Override
    public void acknowledge() throws JMSException {
        if (acknowledger != null) {
            acknowledger.acknowledge();
        }
    }

    // ---- body

    /** Empties the body and makes it writable (Bytes and Stream: write-only). */
    @Override
    public void clearBody() {
        bodyReadOnly = false;
        clearBodyContent();
    }

    /**
     * The body as {@code type}, or null when the message has no body ("If the message has no body
     * then any type may be specified and null is returned").
     *
     * @throws MessageFormatException when the body cannot be assigned to {@code type}
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (!hasBody()) {
            return null;
        }
        if (!c.isAssignableFrom(declaredBodyType())) {
            throw new MessageFormatException("the body of a " + getClass().getSimpleName() + " is a "
                    + declaredBodyType().getSimpleName() + " and cannot be assigned to " + c.getName());
        }
        return c.cast(bodyCopy());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return !hasBody() || c.isAssignableFrom(declaredBodyType());
    }

    /** Whether there is a body: a plain Message never has one. */
    boolean hasBody() throws JMSException {
        return false;
    }

    /** The type getBody checks the requested class against (only asked when there is a body). */
    Class<?> declaredBodyType() throws JMSException {
        return Object.class;
    }

    /** A fresh copy of the body for getBody (only asked when there is a body). */
    Object bodyCopy() throws JMSException {
        return null;
    }

    /** Resets the body to its empty initial value (the read-only flag is already cleared). */
    void clearBodyContent() {
    }

    BodyType bodyType() {
        return BodyType.NONE;
    }

    /** The body in its immutable {@link BodyType} form for a send; never changed afterwards. */
    Object bodyForSend() throws JMSException {
        return null;
    }

    /** @throws MessageNotWriteableException when the body is read-only */
    final void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("the body of this " + getClass().getSimpleName()
                    + " is read-only: it was received or reset; call clearBody() to write it");
        }
    }

    // ---- send

    /** This message as the engine holds it, sent to {@code target}. */
    final MessageData toData(DestinationRef target) throws JMSException {
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
                .type(type)
                .properties(properties.forSend())
                .body(bodyType(), bodyForSend())
                .build();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + messageId + "]";
    }
}
