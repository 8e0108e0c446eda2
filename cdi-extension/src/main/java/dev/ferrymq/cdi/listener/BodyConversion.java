package dev.ferrymq.cdi.listener;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Message bodies to listener parameters and listener results to reply messages. Stateless and
 * thread-safe.
 *
 * <p>Parameters: a {@code Message} type takes the message as it is; {@code String} a
 * {@code TextMessage}'s text; {@code byte[]} a {@code BytesMessage}'s bytes; {@code Map} a
 * {@code MapMessage}'s entries; any type an {@code ObjectMessage}'s object of that type; any other
 * type a {@code TextMessage}'s JSON through JSON-B (when present). Results: {@code Message} as it
 * is, {@code String} as text, {@code byte[]} as bytes, {@code Map} as a map message, other types as
 * JSON text through JSON-B when present, else as an object message when {@code Serializable}.
 */
final class BodyConversion {

    private BodyConversion() {
    }

    /** Whether a parameter of this type can take some message. */
    static boolean acceptsParameter(Class<?> type) {
        return Message.class.isAssignableFrom(type) || type == String.class || type == byte[].class
                || type == Map.class || (!type.isPrimitive() && (Serializable.class.isAssignableFrom(type) || JsonBodies.available()));
    }

    /** Whether a result of this type can become a reply. */
    static boolean acceptsResult(Class<?> type) {
        return type == void.class || Message.class.isAssignableFrom(type) || type == String.class || type == byte[].class
                || Map.class.isAssignableFrom(type) || JsonBodies.available() || Serializable.class.isAssignableFrom(type);
    }

    static Object toParameter(Message message, Class<?> type, Type genericType) throws ConversionException, JMSException {
        if (Message.class.isAssignableFrom(type)) {
            if (type.isInstance(message)) {
                return message;
            }
        } else if (message instanceof TextMessage text) {
            if (type == String.class) {
                return text.getText();
            }
            if (JsonBodies.available()) {
                return fromJson(text.getText(), type, genericType);
            }
        } else if (message instanceof BytesMessage && type == byte[].class) {
            return message.getBody(byte[].class);
        } else if (message instanceof MapMessage && type == Map.class) {
            return message.getBody(Map.class);
        } else if (message instanceof ObjectMessage objectMessage) {
            return objectOf(objectMessage, type);
        }
        throw new ConversionException("a " + kind(message) + " cannot be converted to " + genericType.getTypeName());
    }

    static Message toReply(Session session, Object result) throws JMSException {
        if (result instanceof Message message) {
            return message;
        }
        if (result instanceof String text) {
            return session.createTextMessage(text);
        }
        if (result instanceof byte[] bytes) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(bytes);
            return message;
        }
        if (result instanceof Map<?, ?> map) {
            MapMessage message = session.createMapMessage();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                message.setObject(String.valueOf(entry.getKey()), entry.getValue());
            }
            return message;
        }
        if (JsonBodies.available()) {
            return session.createTextMessage(JsonBodies.toJson(result));
        }
        return session.createObjectMessage((Serializable) result);
    }

    private static Object fromJson(String json, Class<?> type, Type genericType) throws ConversionException {
        if (json == null) {
            throw new ConversionException("a TextMessage without text cannot be converted to " + genericType.getTypeName());
        }
        try {
            return JsonBodies.fromJson(json, genericType);
        } catch (RuntimeException e) {
            throw new ConversionException("the text is not JSON of " + genericType.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    private static Object objectOf(ObjectMessage message, Class<?> type) throws ConversionException, JMSException {
        Object object;
        try {
            object = message.getObject();
        } catch (JMSException e) {
            throw new ConversionException("the ObjectMessage's object cannot be deserialized: " + e.getMessage(), e);
        }
        if (object == null || type.isInstance(object)) {
            return object;
        }
        throw new ConversionException("an ObjectMessage holding a " + object.getClass().getName() + " cannot be converted to " + type.getName());
    }

    private static String kind(Message message) {
        for (Class<?> type : new Class<?>[] {TextMessage.class, BytesMessage.class, MapMessage.class, ObjectMessage.class,
                jakarta.jms.StreamMessage.class}) {
            if (type.isInstance(message)) {
                return type.getSimpleName();
            }
        }
        return "Message without body";
    }
}
