package dev.ferrymq.engine.persistence;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.MessageData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of a {@link MessageData} in the journal: every header field, the
 * properties and each body type, with one tag byte per typed value.
 *
 * <p>Layout (all integers big-endian, strings as a length and UTF-8 bytes, length -1 for null):
 * flags byte (persistent, has-correlation-bytes), priority, timestamp, expiration, deliveryTime,
 * messageId, correlationId, correlationIdBytes, destination, replyTo, type, property count and
 * (name, value) pairs, body type ordinal and the body. A destination is a type byte (-1 for none)
 * and a name.
 *
 * <p>The byte-level primitives (integers, length-prefixed bytes and strings) are
 * {@link RecordWriter}'s and {@link RecordReader}'s; this class knows only the message's layout.
 *
 * <p>Threading contract: stateless; {@link RecordWriter} and {@link RecordReader} instances are
 * confined to one thread.
 */
public final class MessageCodec {

    /** {@code values()} once: each call of that clones the array. */
    private static final BodyType[] BODY_TYPES = BodyType.values();
    private static final DestinationType[] DESTINATION_TYPES = DestinationType.values();

    private static final byte NULL = 0;
    private static final byte BOOLEAN = 1;
    private static final byte BYTE = 2;
    private static final byte SHORT = 3;
    private static final byte CHAR = 4;
    private static final byte INT = 5;
    private static final byte LONG = 6;
    private static final byte FLOAT = 7;
    private static final byte DOUBLE = 8;
    private static final byte STRING = 9;
    private static final byte BYTES = 10;

    private MessageCodec() {
    }

    /** Writes {@code m} to {@code w}. */
    public static void write(RecordWriter w, MessageData m) {
        byte[] corrBytes = m.correlationIdBytes();
        w.writeByte((m.persistent() ? 1 : 0) | (corrBytes != null ? 2 : 0));
        w.writeByte(m.priority());
        w.writeLong(m.timestamp());
        w.writeLong(m.expiration());
        w.writeLong(m.deliveryTime());
        w.writeString(m.messageId());
        w.writeString(m.correlationId());
        if (corrBytes != null) {
            w.writeBytes(corrBytes);
        }
        writeDestination(w, m.destination());
        writeDestination(w, m.replyTo());
        w.writeString(m.type());
        Map<String, Object> props = m.properties();
        w.writeInt(props.size());
        for (Map.Entry<String, Object> e : props.entrySet()) {
            w.writeString(e.getKey());
            writeValue(w, e.getValue());
        }
        w.writeByte(m.bodyType().ordinal());
        writeBody(w, m.bodyType(), m.body());
    }

    /**
     * Reads a message written by {@link #write}.
     *
     * @throws IllegalArgumentException when the bytes are not a message of this format
     */
    public static MessageData read(RecordReader r) {
        int flags = r.readByte();
        MessageData.Builder b = MessageData.builder()
                .persistent((flags & 1) != 0)
                .priority(r.readByte())
                .timestamp(r.readLong())
                .expiration(r.readLong())
                .deliveryTime(r.readLong())
                .messageId(r.readString())
                .correlationId(r.readString());
        if ((flags & 2) != 0) {
            b.correlationIdBytes(r.readBytes());
        }
        b.destination(readDestination(r)).replyTo(readDestination(r)).type(r.readString());
        int count = r.readCount();
        if (count > 0) {
            Map<String, Object> props = new LinkedHashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                props.put(readName(r, "property name"), readValue(r));
            }
            b.properties(props);
        }
        int body = r.readByte();
        if (body < 0 || body >= BODY_TYPES.length) {
            throw new IllegalArgumentException("unknown body type " + body);
        }
        BodyType type = BODY_TYPES[body];
        return b.body(type, readBody(r, type)).build();
    }

    private static void writeBody(RecordWriter w, BodyType type, Object body) {
        switch (type) {
            case NONE -> { }
            case TEXT -> w.writeString((String) body);
            case BYTES, OBJECT -> w.writeBytes((byte[]) body);
            case MAP -> {
                Map<?, ?> map = (Map<?, ?>) body;
                w.writeInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    w.writeString((String) e.getKey());
                    writeValue(w, e.getValue());
                }
            }
            case STREAM -> {
                List<?> list = (List<?>) body;
                w.writeInt(list.size());
                for (Object o : list) {
                    writeValue(w, o);
                }
            }
        }
    }

    private static Object readBody(RecordReader r, BodyType type) {
        return switch (type) {
            case NONE -> null;
            case TEXT -> r.readString();
            case BYTES -> {
                byte[] bytes = r.readBytes();
                yield bytes == null ? new byte[0] : bytes;
            }
            case OBJECT -> r.readBytes();
            case MAP -> {
                int n = r.readCount();
                Map<String, Object> map = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    map.put(readName(r, "map field name"), readValue(r));
                }
                yield Collections.unmodifiableMap(map);
            }
            case STREAM -> {
                int n = r.readCount();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readValue(r));
                }
                yield Collections.unmodifiableList(list);
            }
        };
    }

    private static void writeDestination(RecordWriter w, DestinationRef d) {
        if (d == null) {
            w.writeByte(-1);
        } else {
            w.writeByte(d.type().ordinal());
            w.writeString(d.name());
        }
    }

    private static DestinationRef readDestination(RecordReader r) {
        int t = r.readByte();
        if (t < 0) {
            return null;
        }
        if (t >= DESTINATION_TYPES.length) {
            throw new IllegalArgumentException("unknown destination type " + t);
        }
        DestinationType type = DESTINATION_TYPES[t];
        String name = readName(r, "destination name");
        DestinationRef recent = r.recentDestination();
        if (recent != null && recent.type() == type && recent.name().equals(name)) {
            return recent;
        }
        recent = new DestinationRef(type, name);
        r.recentDestination(recent);
        return recent;
    }

    /** A name that may not be null (a destination's, a property's, a map field's). */
    private static String readName(RecordReader r, String what) {
        String name = r.readString();
        if (name == null) {
            throw new IllegalArgumentException("null " + what + " at offset " + r.position());
        }
        return name;
    }

    private static void writeValue(RecordWriter w, Object v) {
        if (v == null) {
            w.writeByte(NULL);
        } else if (v instanceof String s) {
            w.writeByte(STRING);
            w.writeString(s);
        } else if (v instanceof Integer i) {
            w.writeByte(INT);
            w.writeInt(i);
        } else if (v instanceof Long l) {
            w.writeByte(LONG);
            w.writeLong(l);
        } else if (v instanceof Boolean b) {
            w.writeByte(BOOLEAN);
            w.writeByte(b ? 1 : 0);
        } else if (v instanceof Byte b) {
            w.writeByte(BYTE);
            w.writeByte(b);
        } else if (v instanceof Short s) {
            w.writeByte(SHORT);
            w.writeShort(s);
        } else if (v instanceof Character c) {
            w.writeByte(CHAR);
            w.writeShort(c);
        } else if (v instanceof Float f) {
            w.writeByte(FLOAT);
            w.writeInt(Float.floatToRawIntBits(f));
        } else if (v instanceof Double d) {
            w.writeByte(DOUBLE);
            w.writeLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof byte[] bytes) {
            w.writeByte(BYTES);
            w.writeBytes(bytes);
        } else {
            throw new IllegalArgumentException("cannot store a value of type " + v.getClass().getName());
        }
    }

    private static Object readValue(RecordReader r) {
        int tag = r.readByte();
        return switch (tag) {
            case NULL -> null;
            case BOOLEAN -> r.readByte() != 0;
            case BYTE -> (byte) r.readByte();
            case SHORT -> r.readShort();
            case CHAR -> (char) r.readShort();
            case INT -> r.readInt();
            case LONG -> r.readLong();
            case FLOAT -> Float.intBitsToFloat(r.readInt());
            case DOUBLE -> Double.longBitsToDouble(r.readLong());
            case STRING -> r.readString();
            case BYTES -> r.readBytes();
            default -> throw new IllegalArgumentException("unknown value tag " + tag);
        };
    }
}
