package dev.ferrymq.client.message;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A FerryMQ {@link ObjectMessage}. The object is serialized when it is set, so the message holds a
 * snapshot (later changes to the object do not reach it) as a byte[] that is never changed and so
 * is shared with sent and received data without copying; every {@link #getObject()} deserializes a
 * fresh copy, resolving classes with the thread's context class loader first and refusing, before
 * loading them, the classes its {@link DeserializationFilter} refuses. Not thread-safe.
 */
public final class FerryObjectMessage extends FerryMessage implements ObjectMessage {

    /** The serialized object, or null for no object. */
    private byte[] serialized;
    /** Which classes {@link #getObject()} may create. */
    private final DeserializationFilter filter;

    FerryObjectMessage(DeserializationFilter filter) {
        this.filter = filter;
    }

    FerryObjectMessage(MessageData data, int deliveryCount, MessageAcknowledger acknowledger,
                       DeserializationFilter filter) {
        super(data, deliveryCount, acknowledger);
        serialized = (byte[]) data.body();
        this.filter = filter;
    }

    /**
     * @throws MessageFormatException       when the object cannot be serialized
     * @throws jakarta.jms.MessageNotWriteableException when the body is read-only
     */
    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = object == null ? null : serialize(object);
    }

    /**
     * A fresh copy of the object, or null.
     *
     * @throws MessageFormatException when it cannot be deserialized, or a class in it is refused by
     *                                the deserialization lists (naming the class and the options)
     */
    @Override
    public Serializable getObject() throws JMSException {
        return serialized == null ? null : deserialize(serialized, filter);
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Serializable object = getObject();
        if (object != null && !c.isInstance(object)) {
            throw new MessageFormatException("the body of this ObjectMessage is a " + object.getClass().getName()
                    + " and cannot be assigned to " + c.getName());
        }
        return c.cast(object);
    }

    /** False when the object cannot be deserialized; true for any type when there is no object. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        if (serialized == null) {
            return true;
        }
        try {
            return c.isInstance(deserialize(serialized, filter));
        } catch (MessageFormatException e) {
            return false;
        }
    }

    @Override
    void clearBodyContent() {
        serialized = null;
    }

    @Override
    BodyType bodyType() {
        return BodyType.OBJECT;
    }

    @Override
    Object bodyForSend() {
        return serialized;
    }

    static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException | RuntimeException e) {
            MessageFormatException failure = new MessageFormatException("cannot serialize the object of type "
                    + object.getClass().getName() + ": " + e);
            failure.initCause(e);
            throw failure;
        }
        return bytes.toByteArray();
    }

    static Serializable deserialize(byte[] serialized, DeserializationFilter filter) throws MessageFormatException {
        try (ObjectInputStream in = filter.open(new ByteArrayInputStream(serialized))) {
            return (Serializable) in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            MessageFormatException failure = new MessageFormatException("cannot deserialize the object of this"
                    + " ObjectMessage: " + e);
            failure.initCause(e);
            throw failure;
        }
    }
}
