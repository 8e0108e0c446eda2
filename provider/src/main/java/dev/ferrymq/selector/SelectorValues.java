package dev.ferrymq.selector;

/** What a selector reads from a message: the value of a header field or property, or null. */
@FunctionalInterface
public interface SelectorValues {

    /**
     * The value of {@code identifier}: a Boolean, Byte, Short, Integer, Long, Float, Double or
     * String, or {@code null} when the message has no such header field or property.
     */
    Object selectorValue(String identifier);
}
