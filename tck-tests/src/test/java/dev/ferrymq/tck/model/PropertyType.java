package dev.ferrymq.tck.model;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * The eight property types of 3.5.2 with a typed setter and getter, used to drive the conversion
 * table of 3.5.4 (Table 3-2). Stateless and thread-safe.
 */
enum PropertyType {
    BOOLEAN(true), BYTE((byte) 7), SHORT((short) 300), INT(70_000), LONG(5_000_000_000L), FLOAT(1.5f), DOUBLE(2.25d),
    STRING("12");

    /** The value written with this type's setter. */
    final Object sample;

    PropertyType(Object sample) {
        this.sample = sample;
    }

    void set(Message m, String name, Object value) throws JMSException {
        switch (this) {
            case BOOLEAN -> m.setBooleanProperty(name, (Boolean) value);
            case BYTE -> m.setByteProperty(name, (Byte) value);
            case SHORT -> m.setShortProperty(name, (Short) value);
            case INT -> m.setIntProperty(name, (Integer) value);
            case LONG -> m.setLongProperty(name, (Long) value);
            case FLOAT -> m.setFloatProperty(name, (Float) value);
            case DOUBLE -> m.setDoubleProperty(name, (Double) value);
            case STRING -> m.setStringProperty(name, (String) value);
        }
    }

    Object get(Message m, String name) throws JMSException {
        return switch (this) {
            case BOOLEAN -> m.getBooleanProperty(name);
            case BYTE -> m.getByteProperty(name);
            case SHORT -> m.getShortProperty(name);
            case INT -> m.getIntProperty(name);
            case LONG -> m.getLongProperty(name);
            case FLOAT -> m.getFloatProperty(name);
            case DOUBLE -> m.getDoubleProperty(name);
            case STRING -> m.getStringProperty(name);
        };
    }

    /** Converts a value of this type read as {@code target}, or null if Table 3-2 forbids it. */
    Object convertTo(PropertyType target, Object value) {
        if (target == this) {
            return value;
        }
        if (target == STRING) {
            return String.valueOf(value);
        }
        return switch (this) {
            case BYTE -> switch (target) {
                case SHORT -> (short) (byte) value;
                case INT -> (int) (byte) value;
                case LONG -> (long) (byte) value;
                default -> null;
            };
            case SHORT -> switch (target) {
                case INT -> (int) (short) value;
                case LONG -> (long) (short) value;
                default -> null;
            };
            case INT -> target == LONG ? (long) (int) value : null;
            case FLOAT -> target == DOUBLE ? (double) (float) value : null;
            case STRING -> parse(target, (String) value);
            default -> null;
        };
    }

    static Object parse(PropertyType target, String s) {
        return switch (target) {
            case BOOLEAN -> Boolean.valueOf(s);
            case BYTE -> Byte.valueOf(s);
            case SHORT -> Short.valueOf(s);
            case INT -> Integer.valueOf(s);
            case LONG -> Long.valueOf(s);
            case FLOAT -> Float.valueOf(s);
            case DOUBLE -> Double.valueOf(s);
            case STRING -> s;
        };
    }
}
