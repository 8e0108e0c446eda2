package dev.ferrymq.client;

import dev.ferrymq.client.message.DeserializationFilter;
import dev.ferrymq.client.message.Messages;
import jakarta.jms.BytesMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import java.io.Serializable;

/**
 * The message factory methods of a session ("Creating messages"): a new message of the message
 * model ({@link Messages}), refused with IllegalStateException once the session or its connection
 * is closed. The base of {@link FerrySession}, apart because creating a message needs nothing of
 * the session but its open check.
 *
 * <p>Threading: as the session's; the messages made are not shared.
 */
abstract class MessageFactorySession implements Session {

    /** @throws IllegalStateException when the session or its connection is closed */
    abstract void checkOpen() throws IllegalStateException;

    /** Which classes the ObjectMessages made here may deserialize (the connection's client options). */
    abstract DeserializationFilter deserializationFilter();

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return Messages.newBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return Messages.newMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return Messages.newMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return Messages.newObjectMessage(deserializationFilter());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        ObjectMessage m = createObjectMessage();
        m.setObject(object);
        return m;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return Messages.newStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return Messages.newTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        TextMessage m = createTextMessage();
        m.setText(text);
        return m;
    }
}
