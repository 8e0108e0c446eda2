package dev.ferrymq.client.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.StreamMessage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The value types of the conversion tables ("Property value conversion", "Conversions provided by
 * StreamMessage and MapMessage"), with how each is written and read through each API, a sample
 * value, and the value a supported conversion must give.
 */
enum ValueType {
    BOOLEAN(true),
    BYTE((byte) 7),
    SHORT((short) 300),
    CHAR('c'),
    INT(70_000),
    LONG(5_000_000_000L),
    FLOAT(1.5f),
    DOUBLE(2.25d),
    STRING("12"),
    BYTES(new byte[] {1, 2, 3});

    final Object sample;

    ValueType(Object sample) {
        this.sample = sample;
    }

    /** Table 3-7: a value written as the key can be read as each type of the value. */
    private static final Map<ValueType, Set<ValueType>> MAP_STREAM_TABLE = Map.of(
            BOOLEAN, EnumSet.of(BOOLEAN, STRING),
            BYTE, EnumSet.of(BYTE, SHORT, INT, LONG, STRING),
            SHORT, EnumSet.of(SHORT, INT, LONG, STRING),
            CHAR, EnumSet.of(CHAR, STRING),
            INT, EnumSet.of(INT, LONG, STRING),
            LONG, EnumSet.of(LONG, STRING),
            FLOAT, EnumSet.of(FLOAT, DOUBLE, STRING),
            DOUBLE, EnumSet.of(DOUBLE, STRING),
            STRING, EnumSet.of(BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, STRING),
            BYTES, EnumSet.of(BYTES));

    static final Set<ValueType> PROPERTY_TYPES = EnumSet.of(BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, STRING);

    /** Table 3-2 is Table 3-7 without char and byte[]. */
    static boolean convertible(ValueType from, ValueType to) {
        return MAP_STREAM_TABLE.get(from).contains(to);
    }

    static List<Arguments> mapStreamCells() {
        List<Arguments> cells = new ArrayList<>();
        for (ValueType from : values()) {
            for (ValueType to : values()) {
                cells.add(Arguments.of(from, to, convertible(from, to)));
            }
        }
        return cells;
    }

    static List<Arguments> propertyCells() {
        List<Arguments> cells = new ArrayList<>();
        for (ValueType from : PROPERTY_TYPES) {
            for (ValueType to : PROPERTY_TYPES) {
                cells.add(Arguments.of(from, to, convertible(from, to)));
            }
        }
        return cells;
    }

    /** What reading {@code source} as this type must give when the table allows it. */
    Object expectedFrom(Object source) {
        if (source instanceof String s) {
            return switch (this) {
                case BOOLEAN -> Boolean.valueOf(s);
                case BYTE -> Byte.valueOf(s);
                case SHORT -> Short.valueOf(s);
                case INT -> Integer.valueOf(s);
                case LONG -> Long.valueOf(s);
                case FLOAT -> Float.valueOf(s);
                case DOUBLE -> Double.valueOf(s);
                default -> s;
            };
        }
        return switch (this) {
            case SHORT -> ((Number) source).shortValue();
            case INT -> ((Number) source).intValue();
            case LONG -> ((Number) source).longValue();
            case DOUBLE -> ((Number) source).doubleValue();
            case STRING -> String.valueOf(source);
            default -> source;
        };
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
            case BYTES -> readAllBytes(m);
        };
    }

    private static byte[] readAllBytes(StreamMessage m) throws JMSException {
        byte[] buffer = new byte[64];
        int n = m.readBytes(buffer);
        return n < 0 ? null : java.util.Arrays.copyOf(buffer, n);
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

    void setProperty(Message m, String name, Object v) throws JMSException {
        switch (this) {
            case BOOLEAN -> m.setBooleanProperty(name, (Boolean) v);
            case BYTE -> m.setByteProperty(name, (Byte) v);
            case SHORT -> m.setShortProperty(name, (Short) v);
            case INT -> m.setIntProperty(name, (Integer) v);
            case LONG -> m.setLongProperty(name, (Long) v);
            case FLOAT -> m.setFloatProperty(name, (Float) v);
            case DOUBLE -> m.setDoubleProperty(name, (Double) v);
            case STRING -> m.setStringProperty(name, (String) v);
            default -> throw new IllegalArgumentException(this + " is no property type");
        }
    }

    Object getProperty(Message m, String name) throws JMSException {
        return switch (this) {
            case BOOLEAN -> m.getBooleanProperty(name);
            case BYTE -> m.getByteProperty(name);
            case SHORT -> m.getShortProperty(name);
            case INT -> m.getIntProperty(name);
            case LONG -> m.getLongProperty(name);
            case FLOAT -> m.getFloatProperty(name);
            case DOUBLE -> m.getDoubleProperty(name);
            case STRING -> m.getStringProperty(name);
            default -> throw new IllegalArgumentException(this + " is no property type");
        };
    }
}
