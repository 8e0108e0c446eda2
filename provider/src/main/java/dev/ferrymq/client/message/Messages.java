package dev.ferrymq.client.message;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

/**
 * The message model's entry points for the rest of the facade (placeholder until the message
 * model lands; the signatures are the contract).
 */
public final class Messages {

    private Messages() {
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("message model not implemented yet");
    }

    /** A new, writable {@code Message} with no body. */
    public static Message newMessage() {
        throw notYet();
    }

    public static TextMessage newTextMessage() {
        throw notYet();
    }

    public static BytesMessage newBytesMessage() {
        throw notYet();
    }

    public static MapMessage newMapMessage() {
        throw notYet();
    }

    public static ObjectMessage newObjectMessage() {
        throw notYet();
    }

    public static StreamMessage newStreamMessage() {
        throw notYet();
    }

    /**
     * Copies a message about to be sent into its immutable engine form. The producer has already
     * set the send-time headers on {@code message} with its setters (JMSDestination,
     * JMSDeliveryMode, JMSExpiration, JMSDeliveryTime, JMSPriority, JMSMessageID, JMSTimestamp),
     * so this reads every header through the {@link Message} interface. Works for FerryMQ messages
     * (fast path, no re-reading of the body) and for any other provider's message ("foreign"), and
     * for a received message that the application changed and sends again.
     *
     * @param destination the engine reference of JMSDestination
     * @throws JMSException (e.g. MessageFormatException) when a foreign message cannot be copied
     */
    public static MessageData toData(Message message, DestinationRef destination) throws JMSException {
        throw notYet();
    }

    /**
     * The message a consumer hands to the application: headers, properties and body read from
     * {@code data}; body and properties read-only; JMSRedelivered true when
     * {@code deliveryCount > 1}; JMSXDeliveryCount = {@code deliveryCount}.
     *
     * @param acknowledger what {@code Message.acknowledge()} calls
     */
    public static Message received(MessageData data, int deliveryCount, MessageAcknowledger acknowledger) {
        throw notYet();
    }
}
