package dev.ferrymq.engine.management;

import dev.ferrymq.engine.queue.QueueFigures;

import java.util.function.Function;

/**
 * The figures of one destination (a queue or a topic subscription) that management exposes, each
 * declared once: its JMX attribute name and type and its description. The Micrometer meters
 * ({@link FerryMqMetrics}) read the same {@link QueueFigures}.
 *
 * <p>Threading contract: immutable constants.
 */
public enum Figure {
    DEPTH("Depth", Long.class, "queue length n: messages held now (available, delivered and not yet acknowledged, waiting for a redelivery)",
            f -> f.depth()),
    AVAILABLE("Available", Long.class, "messages waiting for a consumer now", f -> (long) f.stats().available()),
    IN_FLIGHT("InFlight", Long.class, "messages delivered and not yet acknowledged now", f -> (long) f.stats().outstanding()),
    DELAYED("Delayed", Long.class, "messages waiting for a delayed redelivery now", f -> (long) f.stats().delayed()),
    CONSUMERS("Consumers", Long.class, "open consumers now", f -> (long) f.stats().consumers()),
    ENQUEUED("Enqueued", Long.class, "messages that arrived", f -> f.stats().enqueued()),
    DELIVERED("Delivered", Long.class, "deliveries to consumers (a redelivery counts again)", f -> f.stats().delivered()),
    ACKNOWLEDGED("Acknowledged", Long.class, "messages consumed for good", f -> f.stats().acknowledged()),
    REDELIVERED("Redelivered", Long.class, "messages the application saw that came back to be delivered again", QueueFigures::redelivered),
    EXPIRED("Expired", Long.class, "messages that expired", f -> f.stats().expired()),
    DEAD_LETTERED("DeadLettered", Long.class, "messages that used up their delivery attempts", f -> f.stats().deadLettered()),
    RELIABILITY("Reliability", Double.class, "reliability p = acknowledged / (acknowledged + dead-lettered + expired); 1.0 before any",
            QueueFigures::reliability),
    PAUSED("Paused", Boolean.class, "whether dispatch to consumers is paused", QueueFigures::paused),
    PROCESSING_COUNT("ProcessingTimeCount", Long.class, "processing time t (delivery to acknowledgement): how many measured",
            f -> f.processing().count()),
    PROCESSING_MEAN("ProcessingTimeMeanMillis", Double.class, "processing time t: mean, ms", f -> f.processing().meanMillis()),
    PROCESSING_MAX("ProcessingTimeMaxMillis", Double.class, "processing time t: maximum, ms", f -> f.processing().maxMillis()),
    PROCESSING_P99("ProcessingTimeP99Millis", Double.class, "processing time t: 99th percentile (power-of-two bucket), ms",
            f -> f.processing().p99Millis()),
    ACK_COUNT("AcknowledgementTimeCount", Long.class, "acknowledgement time u (acknowledgement to durable): how many measured",
            f -> f.acknowledgement().count()),
    ACK_MEAN("AcknowledgementTimeMeanMillis", Double.class, "acknowledgement time u: mean, ms", f -> f.acknowledgement().meanMillis()),
    ACK_MAX("AcknowledgementTimeMaxMillis", Double.class, "acknowledgement time u: maximum, ms", f -> f.acknowledgement().maxMillis()),
    ACK_P99("AcknowledgementTimeP99Millis", Double.class, "acknowledgement time u: 99th percentile, ms", f -> f.acknowledgement().p99Millis()),
    RETRANSMISSION_COUNT("RetransmissionTimeCount", Long.class, "retransmission time v (redelivery delay waited): how many measured",
            f -> f.retransmission().count()),
    RETRANSMISSION_MEAN("RetransmissionTimeMeanMillis", Double.class, "retransmission time v: mean, ms",
            f -> f.retransmission().meanMillis()),
    RETRANSMISSION_MAX("RetransmissionTimeMaxMillis", Double.class, "retransmission time v: maximum, ms",
            f -> f.retransmission().maxMillis()),
    RETRANSMISSION_P99("RetransmissionTimeP99Millis", Double.class, "retransmission time v: 99th percentile, ms",
            f -> f.retransmission().p99Millis());

    private final String attribute;
    private final Class<?> type;
    private final String description;
    private final Function<QueueFigures, Object> read;

    Figure(String attribute, Class<?> type, String description, Function<QueueFigures, Object> read) {
        this.attribute = attribute;
        this.type = type;
        this.description = description;
        this.read = read;
    }

    public String attribute() {
        return attribute;
    }

    public Class<?> type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** This figure's value in {@code figures}. */
    public Object read(QueueFigures figures) {
        return read.apply(figures);
    }

    /** The figure whose JMX attribute is {@code attribute}, or {@code null}. */
    public static Figure byAttribute(String attribute) {
        for (Figure f : values()) {
            if (f.attribute.equals(attribute)) {
                return f;
            }
        }
        return null;
    }
}
