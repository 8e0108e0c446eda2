package dev.ferrymq.spi;

/**
 * The message properties FerryMQ sets on a message it moves to a dead-letter or expiry queue,
 * declared once (engine, facade and applications read them). All are provider-specific
 * ({@code JMS_FERRYMQ_} prefix) and readable through the ordinary property getters.
 *
 * <p>Threading: constants only.
 */
public final class DeadLetterProperties {

    /** String: the name of the queue or topic the message was sent to. */
    public static final String ORIGINAL_DESTINATION = "JMS_FERRYMQ_ORIGINAL_DESTINATION";
    /** String: {@code QUEUE} or {@code TOPIC} (a {@link DestinationType} name) of the original destination. */
    public static final String ORIGINAL_DESTINATION_TYPE = "JMS_FERRYMQ_ORIGINAL_DESTINATION_TYPE";
    /** String: for a message from a topic subscription, the engine's name of that subscription's queue. */
    public static final String ORIGINAL_SUBSCRIPTION = "JMS_FERRYMQ_ORIGINAL_SUBSCRIPTION";
    /** String: why the message was moved, e.g. {@code maxDeliveryAttempts (3) reached; last release: RECOVER}. */
    public static final String DLQ_REASON = "JMS_FERRYMQ_DLQ_REASON";
    /** Integer: how many times the message had been delivered when it was moved. */
    public static final String DELIVERY_COUNT = "JMS_FERRYMQ_DELIVERY_COUNT";
    /** String: the last failure's exception text (e.g. a listener's RuntimeException), when one is known. */
    public static final String LAST_FAILURE = "JMS_FERRYMQ_LAST_FAILURE";
    /** Long: the JMSExpiration the message had before it was moved to the expiry queue (where it does not expire). */
    public static final String ORIGINAL_EXPIRATION = "JMS_FERRYMQ_ORIGINAL_EXPIRATION";

    private DeadLetterProperties() {
    }
}
