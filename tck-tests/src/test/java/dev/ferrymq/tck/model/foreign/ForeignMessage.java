package dev.ferrymq.tck.model.foreign;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;

/**
 * A plain {@link Message} of "another provider": a hand-written implementation of the
 * {@code jakarta.jms} interface, so that a test can hand a provider a message that is not one of its
 * own (spec 3.12 "Provider implementations of Jakarta Messaging message interfaces"). Headers and
 * properties are plain fields; property getters convert only as far as the tests need (same type,
 * or String to and from the other types).
 *
 * <p>Not thread-safe, like any message (spec 2.14).
 */
public class ForeignMessage implements Message {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private String messageId;
    private long timestamp;
    private String correlationId;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = jakarta.jms.DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;

    /** The number of times the provider called each header setter, by header name. */
    private final Map<String, Integer> headerSets = new LinkedHashMap<>();

    private void recordSet(String header) {
        headerSets.merge(header, 1, Integer::sum);
    }

    /** Header setters the provider (or the test) called, with their counts. */
    public Map<String, Integer> headerSets() {
        return Collections.unmodifiableMap(headerSets);
    }

    @Override public String getJMSMessageID() { return messageId; }
    @Override public void setJMSMessageID(String id) { recordSet("JMSMessageID"); messageId = id; }
    @Override public long getJMSTimestamp() { return timestamp; }
    @Override public void setJMSTimestamp(long t) { recordSet("JMSTimestamp"); timestamp = t; }
    @Override public byte[] getJMSCorrelationIDAsBytes() { return null; }
    @Override public void setJMSCorrelationIDAsBytes(byte[] id) { throw new UnsupportedOperationException("not used by the tests"); }
    @Override public void setJMSCorrelationID(String id) { correlationId = id; }
    @Override public String getJMSCorrelationID() { return correlationId; }
    @Override public Destination getJMSReplyTo() { return replyTo; }
    @Override public void setJMSReplyTo(Destination d) { replyTo = d; }
    @Override public Destination getJMSDestination() { return destination; }
    @Override public void setJMSDestination(Destination d) { recordSet("JMSDestination"); destination = d; }
    @Override public int getJMSDeliveryMode() { return deliveryMode; }
    @Override public void setJMSDeliveryMode(int mode) { recordSet("JMSDeliveryMode"); deliveryMode = mode; }
    @Override public boolean getJMSRedelivered() { return redelivered; }
    @Override public void setJMSRedelivered(boolean r) { redelivered = r; }
    @Override public String getJMSType() { return type; }
    @Override public void setJMSType(String t) { type = t; }
    @Override public long getJMSExpiration() { return expiration; }
    @Override public void setJMSExpiration(long e) { recordSet("JMSExpiration"); expiration = e; }
    @Override public long getJMSDeliveryTime() { return deliveryTime; }
    @Override public void setJMSDeliveryTime(long t) { recordSet("JMSDeliveryTime"); deliveryTime = t; }
    @Override public int getJMSPriority() { return priority; }
    @Override public void setJMSPriority(int p) { recordSet("JMSPriority"); priority = p; }

    @Override public void clearProperties() { properties.clear(); }
    @Override public boolean propertyExists(String name) { return properties.containsKey(name); }

    @Override
    public Enumeration<?> getPropertyNames() {
        return Collections.enumeration(properties.keySet());
    }

    private Object property(String name) {
        return properties.get(name);
    }

    private <T> T convert(String name, Class<T> type, java.util.function.Function<String, T> parse) throws JMSException {
        Object v = property(name);
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof String s) {
            return parse.apply(s);
        }
        if (v == null && type == Boolean.class) {
            return type.cast(Boolean.FALSE);
        }
        throw new MessageFormatException("property " + name + " (" + v + ") is not a " + type.getSimpleName());
    }

    @Override public boolean getBooleanProperty(String n) throws JMSException { return convert(n, Boolean.class, Boolean::valueOf); }
    @Override public byte getByteProperty(String n) throws JMSException { return convert(n, Byte.class, Byte::valueOf); }
    @Override public short getShortProperty(String n) throws JMSException { return convert(n, Short.class, Short::valueOf); }
    @Override public int getIntProperty(String n) throws JMSException { return convert(n, Integer.class, Integer::valueOf); }
    @Override public long getLongProperty(String n) throws JMSException { return convert(n, Long.class, Long::valueOf); }
    @Override public float getFloatProperty(String n) throws JMSException { return convert(n, Float.class, Float::valueOf); }
    @Override public double getDoubleProperty(String n) throws JMSException { return convert(n, Double.class, Double::valueOf); }

    @Override
    public String getStringProperty(String n) {
        Object v = property(n);
        return v == null ? null : v.toString();
    }

    @Override public Object getObjectProperty(String n) { return property(n); }

    @Override public void setBooleanProperty(String n, boolean v) { properties.put(n, v); }
    @Override public void setByteProperty(String n, byte v) { properties.put(n, v); }
    @Override public void setShortProperty(String n, short v) { properties.put(n, v); }
    @Override public void setIntProperty(String n, int v) { properties.put(n, v); }
    @Override public void setLongProperty(String n, long v) { properties.put(n, v); }
    @Override public void setFloatProperty(String n, float v) { properties.put(n, v); }
    @Override public void setDoubleProperty(String n, double v) { properties.put(n, v); }
    @Override public void setStringProperty(String n, String v) { properties.put(n, v); }
    @Override public void setObjectProperty(String n, Object v) { properties.put(n, v); }

    @Override public void acknowledge() { }
    @Override public void clearBody() { }

    /** The body as getBody returns it; a plain message has none. */
    protected Object body() throws JMSException {
        return null;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Object b = body();
        if (b == null) {
            return null;
        }
        if (!c.isInstance(b)) {
            throw new MessageFormatException("body is a " + b.getClass().getSimpleName() + ", not a " + c.getSimpleName());
        }
        return c.cast(b);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        Object b = body();
        return b == null || c.isInstance(b);
    }
}
