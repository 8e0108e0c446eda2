package dev.ferrymq.client.message;

import jakarta.jms.MessageFormatException;

/**
 * The value rules shared by {@code MapMessage} and {@code StreamMessage} ("Conversions provided by
 * StreamMessage and MapMessage"): which objects may be stored, and how a stored value is read as
 * each type. The boolean and numeric rows equal the property table, so those conversions come
 * from {@link PropertyConversions}; this class adds {@code char} and {@code byte[]}.
 *
 * <p>Stored {@code byte[]} values are private copies that are never changed in place, so bodies
 * holding them can be shared without copying; every read hands out a fresh copy. Stateless and
 * thread-safe.
 */
final class TypedValues {

    static final String MAP_ITEM = "map item";
    static final String STREAM_FIELD = "stream field";

    private TypedValues() {
    }

    /**
     * The form to store for a value given to {@code setObject}/{@code writeObject}: the value
     * itself, or a copy of a {@code byte[]}.
     *
     * @throws MessageFormatException for any type other than the objectified primitives, String
     *                                and byte[]
     */
    static Object toStored(String kind, String name, Object value) throws MessageFormatException {
        if (value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Character || value instanceof Integer || value instanceof Long
                || value instanceof Float || value instanceof Double || value instanceof String) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw new MessageFormatException(PropertyConversions.describe(kind, name) + " cannot hold a "
                + value.getClass().getName() + ": only Boolean, Byte, Short, Character, Integer, Long, Float,"
                + " Double, String and byte[] are allowed");
    }

    /** A stored value as {@code getObject}/{@code readObject} returns it: byte[] copied. */
    static Object copyOut(Object stored) {
        return stored instanceof byte[] bytes ? bytes.clone() : stored;
    }

    static boolean toBoolean(String kind, String name, Object v) throws MessageFormatException {
        return PropertyConversions.toBoolean(kind, name, v);
    }

    static byte toByte(String kind, String name, Object v) throws MessageFormatException {
        return PropertyConversions.toByte(kind, name, v);
    }

    static short toShort(String kind, String name, Object v) throws MessageFormatException {
        return PropertyConversions.toShort(kind, name, v);
    }

    static int toInt(String kind, String name, Object v) throws MessageFormatException {
        return PropertyConversions.toInt(kind, name, v);
    }

    static long toLong(String kind, String name, Object v) throws MessageFormatException {
        return PropertyConversions.toLong(kind, name, v);
    }

    static float toFloat(String kind, String name, Object v) throws MessageFormatException {
        return PropertyConversions.toFloat(kind, name, v);
    }

    static double toDouble(String kind, String name, Object v) throws MessageFormatException {
        return PropertyConversions.toDouble(kind, name, v);
    }

    /** char reads only a char; a null value throws NullPointerException (there is no String form). */
    static char toChar(String kind, String name, Object v) throws MessageFormatException {
        if (v instanceof Character c) {
            return c;
        }
        if (v == null) {
            throw new NullPointerException(PropertyConversions.describe(kind, name)
                    + " is null or does not exist: cannot read it as char");
        }
        throw PropertyConversions.cannot(kind, name, v, "char");
    }

    /** Every type but byte[] reads as its String form; null reads as null. */
    static String toString(String kind, String name, Object v) throws MessageFormatException {
        if (v instanceof byte[]) {
            throw PropertyConversions.cannot(kind, name, v, "String");
        }
        return v == null ? null : v.toString();
    }

    /** Only byte[] reads as byte[] (a copy); null reads as null. */
    static byte[] toBytes(String kind, String name, Object v) throws MessageFormatException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw PropertyConversions.cannot(kind, name, v, "byte[]");
    }
}
