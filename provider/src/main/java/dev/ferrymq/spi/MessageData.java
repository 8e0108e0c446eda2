package dev.ferrymq.spi;

import dev.ferrymq.selector.SelectorValues;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One sent message as the engine holds it: header values as set by the send, properties and body.
 *
 * <p>Immutable and shared: the facade builds it once per send (copy-on-send is the isolation the
 * spec asks for, so there is no encoding inside the JVM), the engine hands the same instance to
 * every subscription and consumer, and received JMS messages read from it until the application
 * changes them. Per-delivery facts (JMSRedelivered, JMSXDeliveryCount) are in {@link Delivery}.
 *
 * <p>Property values are Boolean, Byte, Short, Integer, Long, Float, Double or String. The body is
 * held as {@link BodyType} documents.
 */
public final class MessageData implements SelectorValues {

    private final String messageId;
    private final long timestamp;
    private final String correlationId;
    private final byte[] correlationIdBytes;
    private final DestinationRef destination;
    private final DestinationRef replyTo;
    private final boolean persistent;
    private final int priority;
    private final long expiration;
    private final long deliveryTime;
    private final String type;
    private final Map<String, Object> properties;
    private final BodyType bodyType;
    private final Object body;
    /** {@link #estimatedSize()}, computed once: the queues count it when a message arrives and when it leaves. */
    private final int estimatedSize;

    private MessageData(Builder b) {
        this.messageId = b.messageId;
        this.timestamp = b.timestamp;
        this.correlationId = b.correlationId;
        this.correlationIdBytes = b.correlationIdBytes;
        this.destination = Objects.requireNonNull(b.destination, "destination");
        this.replyTo = b.replyTo;
        this.persistent = b.persistent;
        this.priority = b.priority;
        this.expiration = b.expiration;
        this.deliveryTime = b.deliveryTime;
        this.type = b.type;
        this.properties = b.properties == null || b.properties.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(b.properties);
        this.bodyType = Objects.requireNonNull(b.bodyType, "bodyType");
        this.body = b.body;
        this.estimatedSize = estimate(properties, body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** JMSMessageID, {@code ID:}-prefixed, or {@code null} when the producer disabled IDs. */
    public String messageId() {
        return messageId;
    }

    /** JMSTimestamp, or 0 when the producer disabled timestamps. */
    public long timestamp() {
        return timestamp;
    }

    /** JMSCorrelationID as a string, or {@code null}. */
    public String correlationId() {
        return correlationId;
    }

    /** JMSCorrelationID as bytes when set with {@code setJMSCorrelationIDAsBytes}, else {@code null}. */
    public byte[] correlationIdBytes() {
        return correlationIdBytes;
    }

    /** JMSDestination: where the message was sent. Never {@code null}. */
    public DestinationRef destination() {
        return destination;
    }

    /** JMSReplyTo, or {@code null}. */
    public DestinationRef replyTo() {
        return replyTo;
    }

    /** JMSDeliveryMode: PERSISTENT when true. */
    public boolean persistent() {
        return persistent;
    }

    /** JMSPriority, 0 to 9. */
    public int priority() {
        return priority;
    }

    /** JMSExpiration in epoch milliseconds, 0 for never. */
    public long expiration() {
        return expiration;
    }

    /** JMSDeliveryTime in epoch milliseconds: not deliverable before it. */
    public long deliveryTime() {
        return deliveryTime;
    }

    /** JMSType, or {@code null}. */
    public String type() {
        return type;
    }

    /** The message properties, unmodifiable, never {@code null}. */
    public Map<String, Object> properties() {
        return properties;
    }

    public BodyType bodyType() {
        return bodyType;
    }

    /** The body as {@link BodyType} documents for {@link #bodyType()}; never mutate it. */
    public Object body() {
        return body;
    }

    /** Whether the message has expired at {@code now} (epoch milliseconds). */
    public boolean isExpired(long now) {
        return expiration != 0 && expiration <= now;
    }

    /**
     * The value a message selector sees for an identifier: the header fields selectors may name
     * ("Message selector syntax": JMSDeliveryMode as 'PERSISTENT'/'NON_PERSISTENT', JMSPriority,
     * JMSMessageID, JMSTimestamp, JMSCorrelationID, JMSType), otherwise the property, otherwise null.
     */
    @Override
    public Object selectorValue(String identifier) {
        if (identifier.startsWith("JMS") && !identifier.startsWith("JMSX") && !identifier.startsWith("JMS_")) {
            return switch (identifier) {
                case "JMSDeliveryMode" -> persistent ? "PERSISTENT" : "NON_PERSISTENT";
                case "JMSPriority" -> priority;
                case "JMSMessageID" -> messageId;
                case "JMSTimestamp" -> timestamp;
                case "JMSCorrelationID" -> correlationId;
                case "JMSType" -> type;
                default -> properties.get(identifier);
            };
        }
        return properties.get(identifier);
    }

    /**
     * A rough count of the heap bytes this message holds while it waits in a queue, for memory
     * accounting: the body, 64 bytes per property, and 272 bytes for the message, its queue entry
     * and its ID (what the MEM benchmark measures beyond the body of a pending message).
     */
    public int estimatedSize() {
        return estimatedSize;
    }

    private static int estimate(Map<String, Object> properties, Object body) {
        int size = 272 + properties.size() * 64;
        if (body instanceof byte[] bytes) {
            size += bytes.length;
        } else if (body instanceof String s) {
            size += 2 * s.length();
        } else if (body instanceof Map<?, ?> m) {
            size += 64 * m.size();
        } else if (body instanceof java.util.List<?> l) {
            size += 32 * l.size();
        }
        return size;
    }

    @Override
    public String toString() {
        return "MessageData[" + messageId + " to " + destination + ", " + bodyType + "]";
    }

    /** Builds a {@link MessageData}; the builder takes ownership of the map and body it is given. */
    public static final class Builder {
        private String messageId;
        private long timestamp;
        private String correlationId;
        private byte[] correlationIdBytes;
        private DestinationRef destination;
        private DestinationRef replyTo;
        private boolean persistent = true;
        private int priority = 4;
        private long expiration;
        private long deliveryTime;
        private String type;
        private Map<String, Object> properties;
        private BodyType bodyType = BodyType.NONE;
        private Object body;

        private Builder() {
        }

        public Builder messageId(String v) { messageId = v; return this; }
        public Builder timestamp(long v) { timestamp = v; return this; }
        public Builder correlationId(String v) { correlationId = v; return this; }
        public Builder correlationIdBytes(byte[] v) { correlationIdBytes = v; return this; }
        public Builder destination(DestinationRef v) { destination = v; return this; }
        public Builder replyTo(DestinationRef v) { replyTo = v; return this; }
        public Builder persistent(boolean v) { persistent = v; return this; }
        public Builder priority(int v) { priority = v; return this; }
        public Builder expiration(long v) { expiration = v; return this; }
        public Builder deliveryTime(long v) { deliveryTime = v; return this; }
        public Builder type(String v) { type = v; return this; }
        /** Takes ownership of {@code v}: the caller must not change it afterwards. */
        public Builder properties(Map<String, Object> v) { properties = v; return this; }
        /** Takes ownership of {@code v}: the caller must not change it afterwards. */
        public Builder body(BodyType t, Object v) { bodyType = t; body = v; return this; }

        public MessageData build() {
            return new MessageData(this);
        }
    }
}
