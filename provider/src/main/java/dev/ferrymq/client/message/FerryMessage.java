package dev.ferrymq.client.message;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.util.Enumeration;

/**
 * A FerryMQ {@link Message}: properties and acknowledgement, and the plain message with no body;
 * the header fields are {@link MessageHeaders}'. The body types extend it.
 *
 * <p>A received message reads its properties and body straight from the shared, immutable
 * {@link MessageData} the engine delivered; the first change after {@code clearProperties} or
 * {@code clearBody} switches to the message's own state (copy-on-write), so several received
 * messages over one {@code MessageData} never see each other's changes. Sending copies the
 * current state once ({@link Messages#toData}).
 *
 * <p>Not thread-safe, like every JMS message: one thread at a time (the session's thread).
 */
public class FerryMessage extends MessageHeaders implements Message {

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
        super(data, deliveryCount);
        properties = new MessageProperties(data.properties(), deliveryCount);
        this.acknowledger = acknowledger;
        bodyReadOnly = true;
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
        return headersForSend(target)
                .properties(properties.forSend())
                .body(bodyType(), bodyForSend())
                .build();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + getJMSMessageID() + "]";
    }
}
