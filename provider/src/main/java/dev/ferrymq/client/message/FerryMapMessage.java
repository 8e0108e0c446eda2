package dev.ferrymq.client.message;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A FerryMQ {@link MapMessage}, copy-on-write like the properties: it reads from a shared immutable
 * map (received data, or the snapshot last handed to a send) and copies it on the first change.
 * Values follow {@link TypedValues}. Not thread-safe.
 */
public final class FerryMapMessage extends FerryMessage implements MapMessage {

    private static final String KIND = TypedValues.MAP_ITEM;

    private Map<String, Object> values;
    /** Whether {@link #values} is this message's own, changeable map (else shared, never changed). */
    private boolean owned;

    FerryMapMessage() {
        values = Collections.emptyMap();
    }

    @SuppressWarnings("unchecked")
    FerryMapMessage(MessageData data, int deliveryCount, MessageAcknowledger acknowledger) {
        super(data, deliveryCount, acknowledger);
        Object body = data.body();
        values = body == null ? Collections.emptyMap() : (Map<String, Object>) body;
    }

    private Object get(String name) {
        return name == null ? null : values.get(name);
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return TypedValues.toBoolean(KIND, name, get(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return TypedValues.toByte(KIND, name, get(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return TypedValues.toShort(KIND, name, get(name));
    }

    @Override
    public char getChar(String name) throws JMSException {
        return TypedValues.toChar(KIND, name, get(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return TypedValues.toInt(KIND, name, get(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return TypedValues.toLong(KIND, name, get(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return TypedValues.toFloat(KIND, name, get(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return TypedValues.toDouble(KIND, name, get(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return TypedValues.toString(KIND, name, get(name));
    }

    @Override
    public byte[] getBytes(String name) throws JMSException {
        return TypedValues.toBytes(KIND, name, get(name));
    }

    @Override
    public Object getObject(String name) {
        return TypedValues.copyOut(get(name));
    }

    /** A snapshot of the names, in the order they were first set. */
    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(new ArrayList<>(values.keySet()));
    }

    @Override
    public boolean itemExists(String name) {
        return name != null && values.containsKey(name);
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    /** Stores a copy of {@code value} (null allowed). */
    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    /** Stores a copy of the given portion. @throws IndexOutOfBoundsException for a portion outside value */
    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        checkName(name);
        java.util.Objects.checkFromIndexSize(offset, length, value.length);
        byte[] part = new byte[length];
        System.arraycopy(value, offset, part, 0, length);
        put(name, part);
    }

    @Override
    public void setObject(String name, Object value) throws JMSException {
        checkName(name);
        put(name, TypedValues.toStored(KIND, name, value));
    }

    /** Stores an already copied/checked value. */
    private void put(String name, Object stored) throws JMSException {
        checkName(name);
        checkBodyWritable();
        if (!owned) {
            values = new LinkedHashMap<>(values);
            owned = true;
        }
        values.put(name, stored);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("map item name must not be null or empty");
        }
    }

    @Override
    boolean hasBody() {
        return !values.isEmpty();
    }

    @Override
    Class<?> declaredBodyType() {
        return Map.class;
    }

    /** A new map of the items, byte[] values copied. */
    @Override
    Object bodyCopy() {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.replaceAll((name, value) -> TypedValues.copyOut(value));
        return copy;
    }

    @Override
    void clearBodyContent() {
        values = Collections.emptyMap();
        owned = false;
    }

    @Override
    BodyType bodyType() {
        return BodyType.MAP;
    }

    /**
     * The items, unmodifiable, without a copy: the map is handed over and becomes shared, so the
     * next change copies it. Stored byte[] values are private and never changed in place.
     */
    @Override
    Object bodyForSend() {
        owned = false;
        return Collections.unmodifiableMap(values);
    }
}
