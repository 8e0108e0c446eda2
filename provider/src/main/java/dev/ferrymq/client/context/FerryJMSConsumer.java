package dev.ferrymq.client.context;

import dev.ferrymq.client.BodyReceivingConsumer;
import dev.ferrymq.client.util.JmsExceptions;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageListener;

/**
 * {@link JMSConsumer} as a thin adapter over a classic {@link MessageConsumer}. Message listeners
 * are handed down wrapped so that the context knows when its own listener is running.
 *
 * <p>{@code receiveBody} in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE uses
 * {@link BodyReceivingConsumer#receiveBody(Class, long)} so that a message whose body cannot be
 * returned stays unacknowledged and comes next (a consumer not implementing it, which FerryMQ's
 * own do, would lose that message); in CLIENT_ACKNOWLEDGE and transacted sessions a failed
 * {@code receiveBody} counts as a delivery, as the javadoc says, so plain {@code receive} is used.
 *
 * <p>Threading: as the session; {@link #close()} from any thread.
 */
final class FerryJMSConsumer implements JMSConsumer {

    private final int sessionMode;
    private final Callbacks.Frame listenerFrame;
    private final MessageConsumer consumer;
    private volatile MessageListener listener;

    /**
     * @param sessionMode   the context's session mode
     * @param listenerFrame marks the thread while a listener set here runs, as one of the context's
     */
    FerryJMSConsumer(int sessionMode, Callbacks.Frame listenerFrame, MessageConsumer consumer) {
        this.sessionMode = sessionMode;
        this.listenerFrame = listenerFrame;
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        try {
            String selector = consumer.getMessageSelector();
            return selector == null || selector.isEmpty() ? null : selector;
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public MessageListener getMessageListener() {
        try {
            consumer.getMessageListener();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        try {
            consumer.setMessageListener(Callbacks.wrap(listener, listenerFrame));
            this.listener = listener;
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public Message receive() {
        try {
            return consumer.receive();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public Message receive(long timeout) {
        try {
            return consumer.receive(timeout);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public Message receiveNoWait() {
        try {
            return consumer.receiveNoWait();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public void close() {
        try {
            consumer.close();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return body(c, 0);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return body(c, timeout < 0 ? -1 : timeout);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return body(c, -1);
    }

    /** @param timeout {@code > 0} at most that long, {@code 0} forever, {@code < 0} no wait */
    private <T> T body(Class<T> c, long timeout) {
        if (c == null) {
            throw new MessageFormatRuntimeException("receiveBody needs the class to return the body as, got null");
        }
        try {
            if ((sessionMode == JMSContext.AUTO_ACKNOWLEDGE || sessionMode == JMSContext.DUPS_OK_ACKNOWLEDGE)
                    && consumer instanceof BodyReceivingConsumer bodies) {
                return bodies.receiveBody(c, timeout);
            }
            Message message = timeout < 0 ? consumer.receiveNoWait() : consumer.receive(timeout);
            return message == null ? null : BodyReceivingConsumer.bodyOf(message, c);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }
}
