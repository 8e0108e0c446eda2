package dev.ferrymq.client.message;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

/**
 * The message model's entry points for the rest of the facade. Stateless and thread-safe; the
 * messages it creates are not (one thread at a time, as JMS messages are).
 */
public final class Messages {

    private Messages() {
    }

    /** A new, writable {@code Message} with no body. */
    public static Message newMessage() {
        return new FerryMessage();
    }

    public static TextMessage newTextMessage() {
        return new FerryTextMessage();
    }

    /** A new BytesMessage, in write-only mode. */
    public static BytesMessage newBytesMessage() {
        return new FerryBytesMessage();
    }

    public static MapMessage newMapMessage() {
        return new FerryMapMessage();
    }

    public static ObjectMessage newObjectMessage() {
        return newObjectMessage(DeserializationFilter.defaults());
    }

    /** A new ObjectMessage whose {@code getObject()} deserializes only what {@code filter} accepts. */
    public static ObjectMessage newObjectMessage(DeserializationFilter filter) {
        return new FerryObjectMessage(filter);
    }

    /** A new StreamMessage, in write-only mode. */
    public static StreamMessage newStreamMessage() {
        return new FerryStreamMessage();
    }

    /**
     * Copies a message about to be sent into its immutable engine form. The producer has already
     * set the send-time headers on {@code message} with its setters (JMSDestination,
     * JMSDeliveryMode, JMSExpiration, JMSDeliveryTime, JMSPriority, JMSMessageID, JMSTimestamp),
     * so this reads every header through the {@link Message} interface. Works for FerryMQ messages
     * (fast path, no re-reading of the body) and for any other provider's message ("foreign"), and
     * for a received message that the application changed and sends again.
     *
     * <p>The message keeps its state (a BytesMessage or StreamMessage in write-only mode stays so)
     * and may be changed and sent again without affecting the returned data. JMSXDeliveryCount is
     * not sent: the provider sets it on receive.
     *
     * @param destination the engine reference of JMSDestination
     * @throws MessageFormatException when {@code message} is null or a foreign message cannot be
     *                                copied
     * @throws jakarta.jms.InvalidDestinationException when JMSReplyTo is neither a Queue nor a Topic
     */
    public static MessageData toData(Message message, DestinationRef destination) throws JMSException {
        if (message instanceof FerryMessage ferry) {
            return ferry.toData(destination);
        }
        if (message == null) {
            throw new MessageFormatException("cannot send a null message");
        }
        return ForeignMessages.toData(message, destination);
    }

    /**
     * The message a consumer hands to the application: headers, properties and body read from
     * {@code data}; body and properties read-only; JMSRedelivered true when
     * {@code deliveryCount > 1}; JMSXDeliveryCount = {@code deliveryCount}.
     *
     * <p>Nothing is copied: the message reads {@code data} until the application clears and
     * changes it, so any number of messages may share one {@code MessageData}.
     *
     * @param acknowledger what {@code Message.acknowledge()} calls
     */
    public static Message received(MessageData data, int deliveryCount, MessageAcknowledger acknowledger) {
        return received(data, deliveryCount, acknowledger, DeserializationFilter.defaults());
    }

    /**
     * {@link #received(MessageData, int, MessageAcknowledger)} whose ObjectMessage body deserializes
     * only what {@code filter} accepts.
     */
    public static Message received(MessageData data, int deliveryCount, MessageAcknowledger acknowledger,
                                   DeserializationFilter filter) {
        return switch (data.bodyType()) {
            case NONE -> new FerryMessage(data, deliveryCount, acknowledger);
            case TEXT -> new FerryTextMessage(data, deliveryCount, acknowledger);
            case BYTES -> new FerryBytesMessage(data, deliveryCount, acknowledger);
            case MAP -> new FerryMapMessage(data, deliveryCount, acknowledger);
            case STREAM -> new FerryStreamMessage(data, deliveryCount, acknowledger);
            case OBJECT -> new FerryObjectMessage(data, deliveryCount, acknowledger, filter);
        };
    }
}
