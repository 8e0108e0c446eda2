package dev.ferrymq.spi;

/**
 * One message handed to one consumer. The facade hands it back to the engine to acknowledge or
 * release it. Engine implementations keep what they need to find the message again in the
 * implementing object, so acknowledgement needs no lookup.
 *
 * <p>Threading: implementations are immutable; a delivery may be handed between threads freely.
 */
public interface Delivery {

    MessageData message();

    /** How many times this message has been delivered, counting this delivery: 1 the first time. */
    int deliveryCount();

    /** JMSRedelivered: whether the message may have been delivered before. */
    default boolean redelivered() {
        return deliveryCount() > 1;
    }
}
