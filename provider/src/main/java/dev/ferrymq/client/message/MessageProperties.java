package dev.ferrymq.client.message;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The property set of one message ("Message properties"), copy-on-write: it reads from a shared
 * immutable map (a received message's {@code MessageData}, or the snapshot last handed to a send)
 * and copies it into its own map on the first change.
 *
 * <p>JMSXDeliveryCount, which the provider sets on receive, is held apart as an int so that
 * receiving needs no copy of the map. It is a property like any other for the application: it is
 * read by the getters, listed by {@link #names()} (the "Jakarta Messaging defined properties" are
 * properties, not header fields, which alone getPropertyNames leaves out) and removed by
 * {@link #clear()}; it is never sent ("set by provider on receive").
 *
 * <p>Not thread-safe: owned by one message, used by one thread at a time.
 */
final class MessageProperties {

    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private Map<String, Object> values;
    /** Whether {@link #values} is this object's own, changeable map (else shared, never changed). */
    private boolean owned;
    private boolean readOnly;
    /** JMSXDeliveryCount when greater than 0. */
    private int deliveryCount;

    /** An empty, writable property set. */
    MessageProperties() {
        values = Collections.emptyMap();
    }

    /** The read-only properties of a received message, over the shared {@code values}. */
    MessageProperties(Map<String, Object> values, int deliveryCount) {
        this.values = values;
        this.deliveryCount = deliveryCount;
        this.readOnly = true;
    }

    /** The stored value (Boolean, Byte, Short, Integer, Long, Float, Double, String) or null. */
    Object get(String name) {
        if (name == null) {
            return null;
        }
        if (deliveryCount > 0 && DELIVERY_COUNT.equals(name)) {
            return deliveryCount;
        }
        return values.get(name);
    }

    boolean exists(String name) {
        if (name == null) {
            return false;
        }
        return (deliveryCount > 0 && DELIVERY_COUNT.equals(name)) || values.containsKey(name);
    }

    /** A snapshot of the names, JMSXDeliveryCount included on a received message. */
    Enumeration<String> names() {
        List<String> names = new ArrayList<>(values.size() + 1);
        names.addAll(values.keySet());
        if (deliveryCount > 0 && !values.containsKey(DELIVERY_COUNT)) {
            names.add(DELIVERY_COUNT);
        }
        return Collections.enumeration(names);
    }

    /**
     * Sets a property.
     *
     * @throws IllegalArgumentException     for a name that is not a valid property name
     * @throws MessageFormatException       for a value of a type properties cannot hold
     * @throws MessageNotWriteableException when the properties are read-only (received, not cleared)
     */
    void set(String name, Object value) throws MessageFormatException, MessageNotWriteableException {
        PropertyConversions.checkName(name);
        PropertyConversions.checkValue(name, value);
        if (readOnly) {
            throw new MessageNotWriteableException("cannot set property '" + name
                    + "': the properties of a received message are read-only until clearProperties()");
        }
        if (!owned) {
            values = new LinkedHashMap<>(values);
            owned = true;
        }
        values.put(name, value);
    }

    /** Removes every property, JMSXDeliveryCount included, and makes the properties writable. */
    void clear() {
        values = Collections.emptyMap();
        owned = false;
        readOnly = false;
        deliveryCount = 0;
    }

    /**
     * The properties for a send: an immutable snapshot without JMSXDeliveryCount. The current map
     * is handed over without a copy and becomes shared: the next change copies it.
     */
    Map<String, Object> forSend() {
        if (values.containsKey(DELIVERY_COUNT)) {
            Map<String, Object> copy = new LinkedHashMap<>(values);
            copy.remove(DELIVERY_COUNT);
            return Collections.unmodifiableMap(copy);
        }
        owned = false;
        return values;
    }
}
