package dev.ferrymq.engine.persistence;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.MessageData;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Threading contract: stateless; {@link Writer} and {@link Reader} instances are confined to
 * one thread.
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
    public static void write(Writer w, MessageData m) {
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
    public static MessageData read(Reader r) {
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

    private static void writeBody(Writer w, BodyType type, Object body) {
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

    private static Object readBody(Reader r, BodyType type) {
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

    private static void writeDestination(Writer w, DestinationRef d) {
        if (d == null) {
            w.writeByte(-1);
        } else {
            w.writeByte(d.type().ordinal());
            w.writeString(d.name());
        }
    }

    private static DestinationRef readDestination(Reader r) {
        int t = r.readByte();
        if (t < 0) {
            return null;
        }
        if (t >= DESTINATION_TYPES.length) {
            throw new IllegalArgumentException("unknown destination type " + t);
        }
        DestinationType type = DESTINATION_TYPES[t];
        String name = readName(r, "destination name");
        DestinationRef recent = r.recent;
        if (recent != null && recent.type() == type && recent.name().equals(name)) {
            return recent;
        }
        r.recent = new DestinationRef(type, name);
        return r.recent;
    }

    /** A name that may not be null (a destination's, a property's, a map field's). */
    private static String readName(Reader r, String what) {
        String name = r.readString();
        if (name == null) {
            throw new IllegalArgumentException("null " + what + " at offset " + r.position());
        }
        return name;
    }

    private static void writeValue(Writer w, Object v) {
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

    private static Object readValue(Reader r) {
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

    /** A growing byte array to encode into. Not thread-safe. */
    public static final class Writer {

        private byte[] buf;
        private int pos;

        public Writer(int initialCapacity) {
            buf = new byte[Math.max(16, initialCapacity)];
        }

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        public void writeByte(int v) {
            ensure(1);
            buf[pos++] = (byte) v;
        }

        public void writeShort(int v) {
            ensure(2);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        public void writeInt(int v) {
            ensure(4);
            buf[pos++] = (byte) (v >>> 24);
            buf[pos++] = (byte) (v >>> 16);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        public void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        /** Length and bytes; -1 for null. */
        public void writeBytes(byte[] b) {
            if (b == null) {
                writeInt(-1);
                return;
            }
            writeInt(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        /** The bytes as they are, without a length. */
        public void writeRaw(byte[] b) {
            writeRaw(b, 0, b.length);
        }

        /** {@code length} bytes of {@code b} from {@code offset}, without a length. */
        public void writeRaw(byte[] b, int offset, int length) {
            ensure(length);
            System.arraycopy(b, offset, buf, pos, length);
            pos += length;
        }

        /** UTF-8 length and bytes; -1 for null. */
        public void writeString(String s) {
            writeBytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        /** The bytes written so far, as a new array. */
        public byte[] toByteArray() {
            return Arrays.copyOf(buf, pos);
        }
    }

    /** Reads what a {@link Writer} wrote. Not thread-safe. */
    public static final class Reader {

        private final byte[] buf;
        private int pos;
        /** A destination read before (by an earlier reader), returned again for an equal one; or null. */
        private DestinationRef recent;

        public Reader(byte[] buf) {
            this.buf = buf;
        }

        /**
         * A reader that returns {@code recent} itself for a destination equal to it, so that many
         * messages read back (a recovered backlog) share one instead of holding a copy each.
         */
        public Reader(byte[] buf, DestinationRef recent) {
            this.buf = buf;
            this.recent = recent;
        }

        /** The last destination this reader read (or was given), for the next reader. */
        public DestinationRef recentDestination() {
            return recent;
        }

        private void need(int n) {
            if (n < 0 || n > buf.length - pos) {
                throw new IllegalArgumentException("record truncated: needs " + n + " more bytes at offset " + pos
                        + " of " + buf.length);
            }
        }

        public int readByte() {
            need(1);
            return buf[pos++];
        }

        public short readShort() {
            need(2);
            int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
            pos += 2;
            return (short) v;
        }

        public int readInt() {
            need(4);
            int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        public long readLong() {
            return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
        }

        /** A non-negative count that fits in what is left. */
        int readCount() {
            int n = readInt();
            if (n < 0 || n > buf.length - pos) {
                throw new IllegalArgumentException("bad count " + n + " at offset " + (pos - 4));
            }
            return n;
        }

        public byte[] readBytes() {
            int n = readInt();
            if (n == -1) {
                return null;
            }
            need(n);
            byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return out;
        }

        public String readString() {
            int n = readInt();
            if (n == -1) {
                return null;
            }
            need(n);
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /** How many bytes were read so far. */
        public int position() {
            return pos;
        }

        public boolean atEnd() {
            return pos == buf.length;
        }
    }
}
