package dev.ferrymq.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.TextMessage;

/**
 * A FerryMQ consumer seen by the simplified API. {@code JMSConsumer.receiveBody} in
 * AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE must behave "as if the unsuccessful call had not
 * occurred" when the body cannot be returned: the message is not acknowledged and is delivered
 * again before any later message, without counting as a redelivery. Only the consumer itself can
 * do that (it must check the body before it acknowledges), hence this method. In
 * CLIENT_ACKNOWLEDGE and transacted sessions the simplified API uses plain {@code receive} instead.
 * Same threading contract as {@link MessageConsumer#receive()}.
 */
public interface BodyReceivingConsumer extends MessageConsumer {

    /**
     * Receives the next message and returns its body as {@link #bodyOf(Message, Class)} does.
     * When that throws, the message is put back, unacknowledged, as the next message of this
     * consumer, with its JMSRedelivered and JMSXDeliveryCount unchanged, and the exception is
     * thrown.
     *
     * @param timeout milliseconds to wait: {@code > 0} at most that long, {@code 0} forever,
     *                {@code < 0} not at all (receiveNoWait)
     * @return the body, or {@code null} when no message arrived in time or the consumer was closed
     * @throws MessageFormatException when the body cannot be returned as {@code c}
     */
    <T> T receiveBody(Class<T> c, long timeout) throws JMSException;

    /**
     * The body of a message for {@code receiveBody}: only a Text, Bytes, Map or Object message
     * with a body assignable to {@code c}.
     *
     * @throws MessageFormatException for a StreamMessage or plain Message, a message without body,
     *                                a body not assignable to {@code c} or an object that cannot
     *                                be deserialized
     */
    static <T> T bodyOf(Message message, Class<T> c) throws JMSException {
        if (!(message instanceof TextMessage || message instanceof BytesMessage || message instanceof MapMessage
                || message instanceof ObjectMessage)) {
            throw new MessageFormatException("receiveBody cannot return the body of a "
                    + message.getClass().getSimpleName() + ": only Text, Bytes, Map and Object messages have one");
        }
        if (c == null) {
            throw new MessageFormatException("receiveBody needs the class to return the body as, got null");
        }
        T body = message.getBody(c);
        if (body == null) {
            throw new MessageFormatException("receiveBody: the received " + message.getClass().getSimpleName()
                    + " has no body");
        }
        return body;
    }
}
