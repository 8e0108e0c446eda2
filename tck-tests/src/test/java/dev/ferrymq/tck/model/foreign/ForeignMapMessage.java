package dev.ferrymq.tck.model.foreign;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;

/**
 * A {@link MapMessage} of "another provider" (see {@link ForeignMessage}): getters return the value
 * when it has the asked type (or parse a String), enough for a provider copying the body through
 * {@link #getMapNames()} and {@link #getObject(String)}. Not thread-safe.
 */
public class ForeignMapMessage extends ForeignMessage implements MapMessage {

    private final Map<String, Object> map = new LinkedHashMap<>();

    private <T> T get(String name, Class<T> type, java.util.function.Function<String, T> parse) throws JMSException {
        Object v = map.get(name);
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof String s) {
            return parse.apply(s);
        }
        throw new MessageFormatException("map entry " + name + " (" + v + ") is not a " + type.getSimpleName());
    }

    @Override public boolean getBoolean(String n) throws JMSException { return get(n, Boolean.class, Boolean::valueOf); }
    @Override public byte getByte(String n) throws JMSException { return get(n, Byte.class, Byte::valueOf); }
    @Override public short getShort(String n) throws JMSException { return get(n, Short.class, Short::valueOf); }
    @Override public char getChar(String n) throws JMSException { return get(n, Character.class, s -> s.charAt(0)); }
    @Override public int getInt(String n) throws JMSException { return get(n, Integer.class, Integer::valueOf); }
    @Override public long getLong(String n) throws JMSException { return get(n, Long.class, Long::valueOf); }
    @Override public float getFloat(String n) throws JMSException { return get(n, Float.class, Float::valueOf); }
    @Override public double getDouble(String n) throws JMSException { return get(n, Double.class, Double::valueOf); }

    @Override
    public String getString(String n) {
        Object v = map.get(n);
        return v == null ? null : v.toString();
    }

    @Override
    public byte[] getBytes(String n) throws JMSException {
        Object v = map.get(n);
        if (v == null || v instanceof byte[]) {
            return v == null ? null : ((byte[]) v).clone();
        }
        throw new MessageFormatException("map entry " + n + " is not a byte[]");
    }

    @Override
    public Object getObject(String n) {
        Object v = map.get(n);
        return v instanceof byte[] b ? b.clone() : v;
    }

    @Override public Enumeration<String> getMapNames() { return Collections.enumeration(map.keySet()); }
    @Override public void setBoolean(String n, boolean v) { map.put(n, v); }
    @Override public void setByte(String n, byte v) { map.put(n, v); }
    @Override public void setShort(String n, short v) { map.put(n, v); }
    @Override public void setChar(String n, char v) { map.put(n, v); }
    @Override public void setInt(String n, int v) { map.put(n, v); }
    @Override public void setLong(String n, long v) { map.put(n, v); }
    @Override public void setFloat(String n, float v) { map.put(n, v); }
    @Override public void setDouble(String n, double v) { map.put(n, v); }
    @Override public void setString(String n, String v) { map.put(n, v); }
    @Override public void setBytes(String n, byte[] v) { map.put(n, v == null ? null : v.clone()); }

    @Override
    public void setBytes(String n, byte[] v, int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(v, offset, copy, 0, length);
        map.put(n, copy);
    }

    @Override public void setObject(String n, Object v) { map.put(n, v instanceof byte[] b ? b.clone() : v); }
    @Override public boolean itemExists(String n) { return map.containsKey(n); }
    @Override public void clearBody() { map.clear(); }
    @Override protected Object body() { return map.isEmpty() ? null : new LinkedHashMap<>(map); }
}
