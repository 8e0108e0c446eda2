package dev.ferrymq.client.message;

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
 * Minimal "foreign" messages (another provider's implementations) for the spec's "Provider
 * implementations of Jakarta Messaging message interfaces": just enough state behind the
 * interfaces for a provider that reads them through the API. Typed property getters and body
 * writers are not needed by a reader and throw UnsupportedOperationException.
 */
final class ForeignDoubles {

    private ForeignDoubles() {
    }

    static class Plain implements Message {
        String messageId;
        long timestamp;
        String correlationId;
        byte[] correlationIdBytes;
        boolean bytesUnsupported;
        Destination replyTo;
        Destination destination;
        int deliveryMode = DeliveryMode.PERSISTENT;
        boolean redelivered;
        String type;
        long expiration;
        long deliveryTime;
        int priority = 4;
        final Map<String, Object> properties = new LinkedHashMap<>();

        @Override public String getJMSMessageID() { return messageId; }
        @Override public void setJMSMessageID(String id) { messageId = id; }
        @Override public long getJMSTimestamp() { return timestamp; }
        @Override public void setJMSTimestamp(long t) { timestamp = t; }
        @Override public byte[] getJMSCorrelationIDAsBytes() {
            if (bytesUnsupported) {
                throw new UnsupportedOperationException("no native correlation IDs");
            }
            return correlationIdBytes;
        }
        @Override public void setJMSCorrelationIDAsBytes(byte[] id) { correlationIdBytes = id; }
        @Override public void setJMSCorrelationID(String id) { correlationId = id; }
        @Override public String getJMSCorrelationID() { return correlationId; }
        @Override public Destination getJMSReplyTo() { return replyTo; }
        @Override public void setJMSReplyTo(Destination d) { replyTo = d; }
        @Override public Destination getJMSDestination() { return destination; }
        @Override public void setJMSDestination(Destination d) { destination = d; }
        @Override public int getJMSDeliveryMode() { return deliveryMode; }
        @Override public void setJMSDeliveryMode(int m) { deliveryMode = m; }
        @Override public boolean getJMSRedelivered() { return redelivered; }
        @Override public void setJMSRedelivered(boolean r) { redelivered = r; }
        @Override public String getJMSType() { return type; }
        @Override public void setJMSType(String t) { type = t; }
        @Override public long getJMSExpiration() { return expiration; }
        @Override public void setJMSExpiration(long e) { expiration = e; }
        @Override public long getJMSDeliveryTime() { return deliveryTime; }
        @Override public void setJMSDeliveryTime(long t) { deliveryTime = t; }
        @Override public int getJMSPriority() { return priority; }
        @Override public void setJMSPriority(int p) { priority = p; }
        @Override public void clearProperties() { properties.clear(); }
        @Override public boolean propertyExists(String name) { return properties.containsKey(name); }
        @Override public Object getObjectProperty(String name) { return properties.get(name); }
        @Override public Enumeration<String> getPropertyNames() {
            return Collections.enumeration(new ArrayList<>(properties.keySet()));
        }
        @Override public void setObjectProperty(String name, Object value) { properties.put(name, value); }
        @Override public boolean getBooleanProperty(String name) { throw unused(); }
        @Override public byte getByteProperty(String name) { throw unused(); }
        @Override public short getShortProperty(String name) { throw unused(); }
        @Override public int getIntProperty(String name) { throw unused(); }
        @Override public long getLongProperty(String name) { throw unused(); }
        @Override public float getFloatProperty(String name) { throw unused(); }
        @Override public double getDoubleProperty(String name) { throw unused(); }
        @Override public String getStringProperty(String name) { throw unused(); }
        @Override public void setBooleanProperty(String name, boolean v) { properties.put(name, v); }
        @Override public void setByteProperty(String name, byte v) { properties.put(name, v); }
        @Override public void setShortProperty(String name, short v) { properties.put(name, v); }
        @Override public void setIntProperty(String name, int v) { properties.put(name, v); }
        @Override public void setLongProperty(String name, long v) { properties.put(name, v); }
        @Override public void setFloatProperty(String name, float v) { properties.put(name, v); }
        @Override public void setDoubleProperty(String name, double v) { properties.put(name, v); }
        @Override public void setStringProperty(String name, String v) { properties.put(name, v); }
        @Override public void acknowledge() { }
        @Override public void clearBody() { }
        @Override public <T> T getBody(Class<T> c) { throw unused(); }
        @Override @SuppressWarnings("rawtypes") public boolean isBodyAssignableTo(Class c) { throw unused(); }
    }

    static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by a provider copying the message");
    }

    static final class Text extends Plain implements TextMessage {
        String text;

        @Override public void setText(String s) { text = s; }
        @Override public String getText() { return text; }
    }

    static final class ObjectMsg extends Plain implements ObjectMessage {
        Serializable object;

        @Override public void setObject(Serializable o) { object = o; }
        @Override public Serializable getObject() { return object; }
    }

    static final class MapMsg extends Plain implements MapMessage {
        final Map<String, Object> map = new LinkedHashMap<>();

        @Override public Object getObject(String name) { return map.get(name); }
        @Override public Enumeration<String> getMapNames() { return Collections.enumeration(map.keySet()); }
        @Override public void setObject(String name, Object value) { map.put(name, value); }
        @Override public boolean itemExists(String name) { return map.containsKey(name); }
        @Override public boolean getBoolean(String name) { throw unused(); }
        @Override public byte getByte(String name) { throw unused(); }
        @Override public short getShort(String name) { throw unused(); }
        @Override public char getChar(String name) { throw unused(); }
        @Override public int getInt(String name) { throw unused(); }
        @Override public long getLong(String name) { throw unused(); }
        @Override public float getFloat(String name) { throw unused(); }
        @Override public double getDouble(String name) { throw unused(); }
        @Override public String getString(String name) { throw unused(); }
        @Override public byte[] getBytes(String name) { throw unused(); }
        @Override public void setBoolean(String name, boolean v) { map.put(name, v); }
        @Override public void setByte(String name, byte v) { map.put(name, v); }
        @Override public void setShort(String name, short v) { map.put(name, v); }
        @Override public void setChar(String name, char v) { map.put(name, v); }
        @Override public void setInt(String name, int v) { map.put(name, v); }
        @Override public void setLong(String name, long v) { map.put(name, v); }
        @Override public void setFloat(String name, float v) { map.put(name, v); }
        @Override public void setDouble(String name, double v) { map.put(name, v); }
        @Override public void setString(String name, String v) { map.put(name, v); }
        @Override public void setBytes(String name, byte[] v) { map.put(name, v); }
        @Override public void setBytes(String name, byte[] v, int offset, int length) { throw unused(); }
    }

    /** Bytes over an array, handing out at most 3 bytes per readBytes call to test chunked copying. */
    static final class Bytes extends Plain implements BytesMessage {
        byte[] body = new byte[0];
        int position;
        int resets;

        @Override public long getBodyLength() { return body.length; }
        @Override public int readBytes(byte[] value) { return readBytes(value, value.length); }
        @Override public int readBytes(byte[] value, int length) {
            if (position == body.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 3), body.length - position);
            System.arraycopy(body, position, value, 0, n);
            position += n;
            return n;
        }
        @Override public void reset() {
            position = 0;
            resets++;
        }
        @Override public boolean readBoolean() { throw unused(); }
        @Override public byte readByte() { throw unused(); }
        @Override public int readUnsignedByte() { throw unused(); }
        @Override public short readShort() { throw unused(); }
        @Override public int readUnsignedShort() { throw unused(); }
        @Override public char readChar() { throw unused(); }
        @Override public int readInt() { throw unused(); }
        @Override public long readLong() { throw unused(); }
        @Override public float readFloat() { throw unused(); }
        @Override public double readDouble() { throw unused(); }
        @Override public String readUTF() { throw unused(); }
        @Override public void writeBoolean(boolean v) { throw unused(); }
        @Override public void writeByte(byte v) { throw unused(); }
        @Override public void writeShort(short v) { throw unused(); }
        @Override public void writeChar(char v) { throw unused(); }
        @Override public void writeInt(int v) { throw unused(); }
        @Override public void writeLong(long v) { throw unused(); }
        @Override public void writeFloat(float v) { throw unused(); }
        @Override public void writeDouble(double v) { throw unused(); }
        @Override public void writeUTF(String v) { throw unused(); }
        @Override public void writeBytes(byte[] v) { throw unused(); }
        @Override public void writeBytes(byte[] v, int offset, int length) { throw unused(); }
        @Override public void writeObject(Object v) { throw unused(); }
    }

    static final class Stream extends Plain implements StreamMessage {
        final List<Object> fields = new ArrayList<>();
        int position;

        @Override public Object readObject() throws JMSException {
            if (position == fields.size()) {
                throw new MessageEOFException("end");
            }
            return fields.get(position++);
        }
        @Override public void writeObject(Object v) { fields.add(v); }
        @Override public void reset() { position = 0; }
        @Override public boolean readBoolean() { throw unused(); }
        @Override public byte readByte() { throw unused(); }
        @Override public short readShort() { throw unused(); }
        @Override public char readChar() { throw unused(); }
        @Override public int readInt() { throw unused(); }
        @Override public long readLong() { throw unused(); }
        @Override public float readFloat() { throw unused(); }
        @Override public double readDouble() { throw unused(); }
        @Override public String readString() { throw unused(); }
        @Override public int readBytes(byte[] value) { throw unused(); }
        @Override public void writeBoolean(boolean v) { fields.add(v); }
        @Override public void writeByte(byte v) { fields.add(v); }
        @Override public void writeShort(short v) { fields.add(v); }
        @Override public void writeChar(char v) { fields.add(v); }
        @Override public void writeInt(int v) { fields.add(v); }
        @Override public void writeLong(long v) { fields.add(v); }
        @Override public void writeFloat(float v) { fields.add(v); }
        @Override public void writeDouble(double v) { fields.add(v); }
        @Override public void writeString(String v) { fields.add(v); }
        @Override public void writeBytes(byte[] v) { fields.add(v); }
        @Override public void writeBytes(byte[] v, int offset, int length) { throw unused(); }
    }
}
