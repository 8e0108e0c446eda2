package dev.ferrymq.client.message;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a message of another provider ("Provider implementations of Jakarta Messaging message
 * interfaces": a provider must accept a foreign message) into {@link MessageData}, reading
 * everything through the {@code jakarta.jms} interfaces. Bytes and Stream bodies are read from the
 * start and left reset. Stateless and thread-safe (the message itself must not be used meanwhile).
 */
final class ForeignMessages {

    private ForeignMessages() {
    }

    static MessageData toData(Message m, DestinationRef destination) throws JMSException {
        MessageData.Builder b = MessageData.builder()
                .messageId(m.getJMSMessageID())
                .timestamp(m.getJMSTimestamp())
                .destination(destination)
                .replyTo(replyTo(m.getJMSReplyTo()))
                .persistent(m.getJMSDeliveryMode() != DeliveryMode.NON_PERSISTENT)
                .priority(m.getJMSPriority())
                .expiration(m.getJMSExpiration())
                .deliveryTime(m.getJMSDeliveryTime())
                .type(m.getJMSType())
                .properties(properties(m));
        correlation(m, b);
        if (m instanceof TextMessage t) {
            b.body(BodyType.TEXT, t.getText());
        } else if (m instanceof BytesMessage bytes) {
            b.body(BodyType.BYTES, bytes(bytes));
        } else if (m instanceof MapMessage map) {
            b.body(BodyType.MAP, map(map));
        } else if (m instanceof StreamMessage stream) {
            b.body(BodyType.STREAM, stream(stream));
        } else if (m instanceof ObjectMessage object) {
            Serializable o = object.getObject();
            b.body(BodyType.OBJECT, o == null ? null : FerryObjectMessage.serialize(o));
        }
        return b.build();
    }

    private static DestinationRef replyTo(Destination replyTo) throws JMSException {
        return replyTo == null ? null : FerryDestination.toRef(replyTo);
    }

    /** The String correlation ID when there is one, else the bytes when the provider supports them. */
    private static void correlation(Message m, MessageData.Builder b) throws JMSException {
        String id = m.getJMSCorrelationID();
        if (id != null) {
            b.correlationId(id);
            return;
        }
        byte[] bytes;
        try {
            bytes = m.getJMSCorrelationIDAsBytes();
        } catch (UnsupportedOperationException e) {
            return; // allowed by the spec for providers without native correlation IDs: there are none
        }
        if (bytes != null) {
            b.correlationIdBytes(bytes.clone());
            b.correlationId(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Object> properties(Message m) throws JMSException {
        Enumeration<?> names = m.getPropertyNames();
        if (names == null || !names.hasMoreElements()) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (!MessageProperties.DELIVERY_COUNT.equals(name)) {
                copy.put(name, PropertyConversions.checkValue(name, m.getObjectProperty(name)));
            }
        }
        return copy;
    }

    private static byte[] bytes(BytesMessage m) throws JMSException {
        m.reset();
        long length = m.getBodyLength();
        if (length > Integer.MAX_VALUE - 8) {
            throw new jakarta.jms.MessageFormatException("BytesMessage body of " + length + " bytes is too large");
        }
        byte[] bytes = new byte[(int) length];
        int read = Math.max(m.readBytes(bytes), 0);
        while (read < bytes.length) {
            byte[] chunk = new byte[bytes.length - read];
            int n = m.readBytes(chunk);
            if (n < 0) {
                break;
            }
            System.arraycopy(chunk, 0, bytes, read, n);
            read += n;
        }
        m.reset();
        return read == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, read);
    }

    private static Map<String, Object> map(MapMessage m) throws JMSException {
        Map<String, Object> copy = new LinkedHashMap<>();
        Enumeration<?> names = m.getMapNames();
        while (names != null && names.hasMoreElements()) {
            String name = (String) names.nextElement();
            copy.put(name, TypedValues.toStored(TypedValues.MAP_ITEM, name, m.getObject(name)));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> stream(StreamMessage m) throws JMSException {
        m.reset();
        List<Object> copy = new ArrayList<>();
        try {
            while (true) {
                copy.add(TypedValues.toStored(TypedValues.STREAM_FIELD, null, m.readObject()));
            }
        } catch (MessageEOFException end) {
            m.reset();
        }
        return Collections.unmodifiableList(copy);
    }
}
