package dev.ferrymq.tck.model;

import java.util.Arrays;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.StreamMessage;

/**
 * The ten value types of StreamMessage and MapMessage with their typed accessors, driving the
 * conversion table of 3.11.3 (Table 3-7). Stateless and thread-safe.
 */
enum ValueType {
    BOOLEAN(true), BYTE((byte) 7), SHORT((short) 300), CHAR('c'), INT(70_000), LONG(5_000_000_000L), FLOAT(1.5f),
    DOUBLE(2.25d), STRING("12"), BYTES(new byte[] {1, 2, 3});

    final Object sample;

    ValueType(Object sample) {
        this.sample = sample;
    }

    /** The sample written for a read as {@code target} (String "true" when read as boolean). */
    Object sampleFor(ValueType target) {
        return this == STRING && target == BOOLEAN ? "true" : sample;
    }

    void write(StreamMessage m, Object v) throws JMSException {
        switch (this) {
            case BOOLEAN -> m.writeBoolean((Boolean) v);
            case BYTE -> m.writeByte((Byte) v);
            case SHORT -> m.writeShort((Short) v);
            case CHAR -> m.writeChar((Character) v);
            case INT -> m.writeInt((Integer) v);
            case LONG -> m.writeLong((Long) v);
            case FLOAT -> m.writeFloat((Float) v);
            case DOUBLE -> m.writeDouble((Double) v);
            case STRING -> m.writeString((String) v);
            case BYTES -> m.writeBytes((byte[]) v);
        }
    }

    Object read(StreamMessage m) throws JMSException {
        return switch (this) {
            case BOOLEAN -> m.readBoolean();
            case BYTE -> m.readByte();
            case SHORT -> m.readShort();
            case CHAR -> m.readChar();
            case INT -> m.readInt();
            case LONG -> m.readLong();
            case FLOAT -> m.readFloat();
            case DOUBLE -> m.readDouble();
            case STRING -> m.readString();
            case BYTES -> {
                byte[] buf = new byte[16];
                int n = m.readBytes(buf);
                yield n < 0 ? null : Arrays.copyOf(buf, n);
            }
        };
    }

    void set(MapMessage m, String name, Object v) throws JMSException {
        switch (this) {
            case BOOLEAN -> m.setBoolean(name, (Boolean) v);
            case BYTE -> m.setByte(name, (Byte) v);
            case SHORT -> m.setShort(name, (Short) v);
            case CHAR -> m.setChar(name, (Character) v);
            case INT -> m.setInt(name, (Integer) v);
            case LONG -> m.setLong(name, (Long) v);
            case FLOAT -> m.setFloat(name, (Float) v);
            case DOUBLE -> m.setDouble(name, (Double) v);
            case STRING -> m.setString(name, (String) v);
            case BYTES -> m.setBytes(name, (byte[]) v);
        }
    }

    Object get(MapMessage m, String name) throws JMSException {
        return switch (this) {
            case BOOLEAN -> m.getBoolean(name);
            case BYTE -> m.getByte(name);
            case SHORT -> m.getShort(name);
            case CHAR -> m.getChar(name);
            case INT -> m.getInt(name);
            case LONG -> m.getLong(name);
            case FLOAT -> m.getFloat(name);
            case DOUBLE -> m.getDouble(name);
            case STRING -> m.getString(name);
            case BYTES -> m.getBytes(name);
        };
    }

    /** The value read back as {@code target}, or null where Table 3-7 requires MessageFormatException. */
    Object convertTo(ValueType target, Object v) {
        if (target == this) {
            return v;
        }
        if (this == BYTES || target == BYTES || target == CHAR) {
            return null;
        }
        if (target == STRING) {
            return String.valueOf(v);
        }
        return switch (this) {
            case BYTE -> switch (target) {
                case SHORT -> (short) (byte) v;
                case INT -> (int) (byte) v;
                case LONG -> (long) (byte) v;
                default -> null;
            };
            case SHORT -> switch (target) {
                case INT -> (int) (short) v;
                case LONG -> (long) (short) v;
                default -> null;
            };
            case INT -> target == LONG ? (long) (int) v : null;
            case FLOAT -> target == DOUBLE ? (double) (float) v : null;
            case STRING -> switch (target) {
                case BOOLEAN -> Boolean.valueOf((String) v);
                case BYTE -> Byte.valueOf((String) v);
                case SHORT -> Short.valueOf((String) v);
                case INT -> Integer.valueOf((String) v);
                case LONG -> Long.valueOf((String) v);
                case FLOAT -> Float.valueOf((String) v);
                case DOUBLE -> Double.valueOf((String) v);
                default -> null;
            };
            default -> null;
        };
    }
}
