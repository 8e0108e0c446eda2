package dev.ferrymq.fuzz;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.StreamMessage;

import java.util.Collections;
import java.util.Random;

/**
 * One read operation of the {@link Targets#BODY_READERS} target, by name, on a received message.
 *
 * <p>Threading contract: stateless.
 */
final class BodyReads {

    private BodyReads() {
    }

    static void run(Random r, Message m, String op) throws JMSException {
        String name = Inputs.name(r);
        switch (op) {
            case "getObjectProperty" -> m.getObjectProperty(name);
            case "getIntProperty" -> m.getIntProperty(name);
            case "getLongProperty" -> m.getLongProperty(name);
            case "getDoubleProperty" -> m.getDoubleProperty(name);
            case "getBooleanProperty" -> m.getBooleanProperty(name);
            case "getStringProperty" -> m.getStringProperty(name);
            case "getByteProperty" -> m.getByteProperty(name);
            case "getFloatProperty" -> m.getFloatProperty(name);
            case "getShortProperty" -> m.getShortProperty(name);
            case "getBodyString" -> {
                if (m.isBodyAssignableTo(String.class)) {
                    m.getBody(String.class);
                }
            }
            default -> {
                if (m instanceof StreamMessage s) {
                    stream(r, s, op);
                } else if (m instanceof BytesMessage b) {
                    bytes(r, b, op);
                } else {
                    map((MapMessage) m, op, name);
                }
            }
        }
    }

    private static void stream(Random r, StreamMessage s, String op) throws JMSException {
        switch (op) {
            case "readBoolean" -> s.readBoolean();
            case "readByte" -> s.readByte();
            case "readShort" -> s.readShort();
            case "readChar" -> s.readChar();
            case "readInt" -> s.readInt();
            case "readLong" -> s.readLong();
            case "readFloat" -> s.readFloat();
            case "readDouble" -> s.readDouble();
            case "readString" -> s.readString();
            case "readBytes" -> s.readBytes(new byte[r.nextInt(8)]);
            case "readObject" -> s.readObject();
            case "reset" -> s.reset();
            default -> throw new IllegalArgumentException("no stream operation " + op);
        }
    }

    private static void bytes(Random r, BytesMessage b, String op) throws JMSException {
        switch (op) {
            case "readBoolean" -> b.readBoolean();
            case "readByte" -> b.readByte();
            case "readUnsignedByte" -> b.readUnsignedByte();
            case "readShort" -> b.readShort();
            case "readUnsignedShort" -> b.readUnsignedShort();
            case "readChar" -> b.readChar();
            case "readInt" -> b.readInt();
            case "readLong" -> b.readLong();
            case "readFloat" -> b.readFloat();
            case "readDouble" -> b.readDouble();
            case "readUTF" -> b.readUTF();
            case "readBytes" -> {
                byte[] buf = new byte[r.nextInt(16)];
                b.readBytes(buf, r.nextInt(buf.length + 1));
            }
            case "reset" -> b.reset();
            case "getBodyLength" -> b.getBodyLength();
            default -> throw new IllegalArgumentException("no bytes operation " + op);
        }
    }

    private static void map(MapMessage m, String op, String name) throws JMSException {
        switch (op) {
            case "getBoolean" -> m.getBoolean(name);
            case "getByte" -> m.getByte(name);
            case "getShort" -> m.getShort(name);
            case "getChar" -> m.getChar(name);
            case "getInt" -> m.getInt(name);
            case "getLong" -> m.getLong(name);
            case "getFloat" -> m.getFloat(name);
            case "getDouble" -> m.getDouble(name);
            case "getString" -> m.getString(name);
            case "getBytes" -> m.getBytes(name);
            case "getObject" -> m.getObject(name);
            case "getMapNames" -> Collections.list(m.getMapNames());
            default -> throw new IllegalArgumentException("no map operation " + op);
        }
    }
}
