package dev.ferrymq.client.message;

import jakarta.jms.MessageFormatException;

import java.util.Set;

/**
 * Message property rules of the specification, shared by messages and {@code JMSProducer}:
 * "Property names", "Property values", "Property value conversion" and "Non-existent properties".
 *
 * <p>Getters take the stored value ({@code null} for a property that does not exist) and convert
 * it as the conversion table allows; a conversion the table forbids throws
 * {@link MessageFormatException}; a string that does not parse throws the
 * {@link NumberFormatException} of the target type's {@code valueOf}; a non-existent property
 * behaves as {@code valueOf(null)}: false for boolean, null for String, NumberFormatException for
 * the integral types and NullPointerException for float and double. Stateless and thread-safe.
 *
 * <p>The numeric and boolean rows of the StreamMessage/MapMessage table are the same, so
 * {@link TypedValues} uses the package-private forms that take the kind of value for messages.
 */
public final class PropertyConversions {

    private static final Set<String> RESERVED = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    /** The kind of value the conversions of this class are named after, in error messages. */
    static final String PROPERTY = "property";

    private PropertyConversions() {
    }

    /**
     * Checks a property name: not null or empty (IllegalArgumentException, as the setters'
     * javadoc says), a Java identifier and not a selector keyword (IllegalArgumentException).
     */
    public static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("property name must not be null or empty");
        }
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("property name '" + name + "' is not a valid identifier (3.5.1: "
                    + "property names must obey the rules for a message selector identifier)");
        }
        if (RESERVED.contains(name.toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("property name '" + name + "' is a reserved word of the selector syntax");
        }
    }

    /**
     * Whether {@code name} (not empty) is a Java identifier, read by code points as the selector's
     * lexer reads identifiers (a letter outside the BMP is one). Allocates nothing: it runs for
     * every property set.
     */
    private static boolean isIdentifier(String name) {
        int first = name.codePointAt(0);
        if (!Character.isJavaIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Checks a value given to {@code setObjectProperty}: only the objectified primitive types and
     * String are allowed.
     *
     * @throws MessageFormatException for any other type
     */
    public static Object checkValue(String name, Object value) throws MessageFormatException {
        if (value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof String) {
            return value;
        }
        throw new MessageFormatException("property '" + name + "' cannot hold a " + value.getClass().getName()
                + ": only Boolean, Byte, Short, Integer, Long, Float, Double and String are allowed");
    }

    public static boolean toBoolean(String name, Object v) throws MessageFormatException {
        return toBoolean(PROPERTY, name, v);
    }

    static boolean toBoolean(String kind, String name, Object v) throws MessageFormatException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Boolean.parseBoolean((String) v);
        }
        throw cannot(kind, name, v, "boolean");
    }

    public static byte toByte(String name, Object v) throws MessageFormatException {
        return toByte(PROPERTY, name, v);
    }

    static byte toByte(String kind, String name, Object v) throws MessageFormatException {
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Byte.parseByte((String) v);
        }
        throw cannot(kind, name, v, "byte");
    }

    public static short toShort(String name, Object v) throws MessageFormatException {
        return toShort(PROPERTY, name, v);
    }

    static short toShort(String kind, String name, Object v) throws MessageFormatException {
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).shortValue();
        }
        if (v == null || v instanceof String) {
            return Short.parseShort((String) v);
        }
        throw cannot(kind, name, v, "short");
    }

    public static int toInt(String name, Object v) throws MessageFormatException {
        return toInt(PROPERTY, name, v);
    }

    static int toInt(String kind, String name, Object v) throws MessageFormatException {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v == null || v instanceof String) {
            return Integer.parseInt((String) v);
        }
        throw cannot(kind, name, v, "int");
    }

    public static long toLong(String name, Object v) throws MessageFormatException {
        return toLong(PROPERTY, name, v);
    }

    static long toLong(String kind, String name, Object v) throws MessageFormatException {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v == null || v instanceof String) {
            return Long.parseLong((String) v);
        }
        throw cannot(kind, name, v, "long");
    }

    public static float toFloat(String name, Object v) throws MessageFormatException {
        return toFloat(PROPERTY, name, v);
    }

    static float toFloat(String kind, String name, Object v) throws MessageFormatException {
        if (v instanceof Float f) {
            return f;
        }
        if (v == null) {
            throw new NullPointerException(describe(kind, name) + " is null or does not exist: cannot read it as float");
        }
        if (v instanceof String s) {
            return Float.parseFloat(s);
        }
        throw cannot(kind, name, v, "float");
    }

    public static double toDouble(String name, Object v) throws MessageFormatException {
        return toDouble(PROPERTY, name, v);
    }

    static double toDouble(String kind, String name, Object v) throws MessageFormatException {
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v == null) {
            throw new NullPointerException(describe(kind, name) + " is null or does not exist: cannot read it as double");
        }
        if (v instanceof String s) {
            return Double.parseDouble(s);
        }
        throw cannot(kind, name, v, "double");
    }

    /** Any property value as a String ({@code null} when it does not exist). */
    public static String toString(String name, Object v) {
        return v == null ? null : v.toString();
    }

    static MessageFormatException cannot(String kind, String name, Object v, String target) {
        return new MessageFormatException(describe(kind, name) + " holds a " + v.getClass().getSimpleName()
                + " which cannot be read as " + target + " (see \"" + (PROPERTY.equals(kind) ? "Property value conversion"
                : "Conversions provided by StreamMessage and MapMessage") + "\")");
    }

    /** "property 'name'", "map item 'name'", or just the kind when there is no name (a stream field). */
    static String describe(String kind, String name) {
        return name == null ? kind : kind + " '" + name + "'";
    }
}
