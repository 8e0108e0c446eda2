package dev.ferrymq.spi;

/**
 * The body kinds of the JMS message model and how {@link MessageData#body()} holds each. Bodies
 * are never mutated once inside a {@code MessageData}.
 */
public enum BodyType {
    /** A plain {@code Message}: body is {@code null}. */
    NONE,
    /** {@code TextMessage}: a {@link String}, or {@code null}. */
    TEXT,
    /** {@code BytesMessage}: a {@code byte[]} (never {@code null}; empty when no bytes were written). */
    BYTES,
    /**
     * {@code MapMessage}: an unmodifiable {@code Map<String,Object>} in insertion order whose values
     * are Boolean, Byte, Short, Character, Integer, Long, Float, Double, String or byte[] (or null).
     */
    MAP,
    /** {@code StreamMessage}: an unmodifiable {@code List<Object>} of the same value kinds as MAP. */
    STREAM,
    /** {@code ObjectMessage}: the Java-serialized form as {@code byte[]}, or {@code null} for no object. */
    OBJECT
}
