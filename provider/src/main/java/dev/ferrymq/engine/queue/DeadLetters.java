package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.DeadLetterProperties;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.MessageData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the copies of messages moved to dead-letter and expiry queues (with the
 * {@link DeadLetterProperties}) and the message moved back to its origin. {@link MessageData} is
 * immutable, so each is a new one sharing the body.
 *
 * <p>Threading contract: stateless; any thread.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** The copy for dead-letter queue {@code dlq}. */
    static MessageData deadLetter(MessageData m, String dlq, String reason, int deliveryCount, String lastFailure,
                                  String subscription) {
        Map<String, Object> props = origin(m, subscription);
        props.put(DeadLetterProperties.DLQ_REASON, reason);
        props.put(DeadLetterProperties.DELIVERY_COUNT, deliveryCount);
        if (lastFailure != null) {
            props.put(DeadLetterProperties.LAST_FAILURE, lastFailure);
        }
        return copy(m, DestinationRef.queue(dlq), m.expiration(), props);
    }

    /** The copy for expiry queue {@code queue}: it no longer expires; its old expiration is a property. */
    static MessageData expired(MessageData m, String queue, String subscription) {
        Map<String, Object> props = origin(m, subscription);
        props.put(DeadLetterProperties.DLQ_REASON, "expired");
        props.put(DeadLetterProperties.ORIGINAL_EXPIRATION, m.expiration());
        return copy(m, DestinationRef.queue(queue), 0, props);
    }

    /** The original destination of a moved message, or {@code null} when it carries none. */
    public static DestinationRef origin(MessageData m) {
        Object name = m.properties().get(DeadLetterProperties.ORIGINAL_DESTINATION);
        Object type = m.properties().get(DeadLetterProperties.ORIGINAL_DESTINATION_TYPE);
        if (!(name instanceof String n) || !(type instanceof String t)) {
            return null;
        }
        try {
            return new DestinationRef(DestinationType.valueOf(t), n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The subscription queue a moved message came from, or {@code null}. */
    public static String originSubscription(MessageData m) {
        return m.properties().get(DeadLetterProperties.ORIGINAL_SUBSCRIPTION) instanceof String s ? s : null;
    }

    /** A moved message as it goes back to {@code origin}: the FerryMQ properties removed. */
    public static MessageData restored(MessageData m, DestinationRef origin) {
        Map<String, Object> props = new LinkedHashMap<>(m.properties());
        props.keySet().removeIf(k -> k.startsWith("JMS_FERRYMQ_"));
        Object exp = m.properties().get(DeadLetterProperties.ORIGINAL_EXPIRATION);
        return copy(m, origin, exp instanceof Long l ? l : m.expiration(), props);
    }

    private static Map<String, Object> origin(MessageData m, String subscription) {
        Map<String, Object> props = new LinkedHashMap<>(m.properties());
        if (!props.containsKey(DeadLetterProperties.ORIGINAL_DESTINATION)) {
            DestinationRef d = m.destination();
            props.put(DeadLetterProperties.ORIGINAL_DESTINATION, d.name());
            props.put(DeadLetterProperties.ORIGINAL_DESTINATION_TYPE, d.type().name());
            if (subscription != null) {
                props.put(DeadLetterProperties.ORIGINAL_SUBSCRIPTION, subscription);
            }
        }
        return props;
    }

    private static MessageData copy(MessageData m, DestinationRef to, long expiration, Map<String, Object> props) {
        return MessageData.builder().messageId(m.messageId()).timestamp(m.timestamp())
                .correlationId(m.correlationId()).correlationIdBytes(m.correlationIdBytes())
                .destination(to).replyTo(m.replyTo()).persistent(m.persistent()).priority(m.priority())
                .expiration(expiration).deliveryTime(0).type(m.type()).properties(props)
                .body(m.bodyType(), m.body()).build();
    }
}
