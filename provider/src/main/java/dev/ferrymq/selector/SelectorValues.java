package dev.ferrymq.selector;

/**
 * What a selector reads from a message: the value of a header field or property, or null.
 * Header fields are asked for by their names (JMSDeliveryMode as the String {@code "PERSISTENT"} or
 * {@code "NON_PERSISTENT"}, JMSPriority as an Integer, JMSTimestamp as a Long, JMSMessageID,
 * JMSCorrelationID and JMSType as Strings or null); see {@code MessageData.selectorValue}.
 *
 * <p>Called on the thread evaluating the selector, possibly several times per evaluation; an
 * instance shared between threads must allow concurrent calls (MessageData is immutable).
 */
@FunctionalInterface
public interface SelectorValues {

    /**
     * The value of {@code identifier}: a Boolean, Byte, Short, Integer, Long, Float, Double or
     * String, or {@code null} when the message has no such header field or property.
     */
    Object selectorValue(String identifier);
}
