package dev.ferrymq.client.context;

import dev.ferrymq.client.message.PropertyConversions;
import dev.ferrymq.client.util.JmsExceptions;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The message properties a {@code JMSProducer} sets on every message it sends, with the
 * specification's naming rules and conversion table ({@link PropertyConversions}). Not
 * thread-safe: owned by one JMSProducer.
 */
final class ProducerProperties {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> names = Collections.unmodifiableSet(values.keySet());

    /** @throws IllegalArgumentException for a bad name; MessageFormatRuntimeException for a bad value type */
    void set(String name, Object value) {
        PropertyConversions.checkName(name);
        try {
            values.put(name, PropertyConversions.checkValue(name, value));
        } catch (MessageFormatException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    Object get(String name) {
        return values.get(name);
    }

    boolean exists(String name) {
        return values.containsKey(name);
    }

    void clear() {
        values.clear();
    }

    /** Unmodifiable, backed by these properties. */
    Set<String> names() {
        return names;
    }

    /** Sets every property on {@code message}, replacing properties of the same name. */
    void applyTo(Message message) throws JMSException {
        if (values.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            message.setObjectProperty(e.getKey(), e.getValue());
        }
    }

    @FunctionalInterface
    interface Conversion<T> {
        T convert(String name, Object value) throws MessageFormatException;
    }

    /** The property converted as the table allows. @throws jakarta.jms.MessageFormatRuntimeException otherwise */
    <T> T get(String name, Conversion<T> conversion) {
        try {
            return conversion.convert(name, values.get(name));
        } catch (MessageFormatException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }
}
