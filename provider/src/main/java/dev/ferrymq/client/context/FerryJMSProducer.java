package dev.ferrymq.client.context;

import dev.ferrymq.client.message.PropertyConversions;
import dev.ferrymq.client.util.JmsExceptions;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * {@link JMSProducer}: a light object holding send options, properties and headers, sending
 * through its context's one anonymous {@link jakarta.jms.MessageProducer} with these options per
 * send. Bodies given directly become messages created by the context's session. The headers it
 * sets on each message are {@link ProducerHeaders}', its properties {@link ProducerProperties}'.
 * Not thread-safe: used by the thread that uses its context.
 */
final class FerryJMSProducer extends ProducerHeaders {

    private final LazySession session;
    private final Callbacks.Frame completionFrame;
    private final ProducerProperties properties = new ProducerProperties();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;
    private CompletionListener async;
    private CompletionListener wrappedAsync;

    /**
     * @param session         the context's session and anonymous producer, which the sends go through
     * @param completionFrame marks the thread while a completion listener set here runs, as one of
     *                        the context's
     */
    FerryJMSProducer(LazySession session, Callbacks.Frame completionFrame) {
        this.session = session;
        this.completionFrame = completionFrame;
    }

    @Override
    public JMSProducer send(Destination destination, Message message) {
        check(destination);
        if (message == null) {
            throw new MessageFormatRuntimeException("the message to send must not be null");
        }
        try {
            doSend(destination, message);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        check(destination);
        try {
            doSend(destination, session.get().createTextMessage(body));
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        check(destination);
        try {
            MapMessage message = session.get().createMapMessage();
            if (body != null) {
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    message.setObject(e.getKey(), e.getValue());
                }
            }
            doSend(destination, message);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        check(destination);
        try {
            BytesMessage message = session.get().createBytesMessage();
            if (body != null) {
                message.writeBytes(body);
            }
            doSend(destination, message);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        check(destination);
        try {
            doSend(destination, session.get().createObjectMessage(body));
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        return this;
    }

    private void check(Destination destination) {
        session.checkOpen();
        if (destination == null) {
            throw new InvalidDestinationRuntimeException("the destination to send to must not be null");
        }
    }

    private void doSend(Destination destination, Message message) throws JMSException {
        applyHeaders(message);
        properties.applyTo(message);
        session.send(destination, message, deliveryMode, priority, timeToLive, deliveryDelay, disableMessageID,
                disableMessageTimestamp, wrappedAsync);
    }

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        disableMessageID = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageID;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        disableMessageTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    @Override
    public JMSProducer setDeliveryMode(int deliveryMode) {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSRuntimeException("invalid delivery mode " + deliveryMode
                    + ": expected DeliveryMode.PERSISTENT (2) or DeliveryMode.NON_PERSISTENT (1)");
        }
        this.deliveryMode = deliveryMode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(int priority) {
        if (priority < 0 || priority > 9) {
            throw new JMSRuntimeException("invalid priority " + priority + ": expected 0 to 9");
        }
        this.priority = priority;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    @Override
    public JMSProducer setTimeToLive(long timeToLive) {
        this.timeToLive = timeToLive;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public JMSProducer setDeliveryDelay(long deliveryDelay) {
        this.deliveryDelay = deliveryDelay;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelay;
    }

    @Override
    public JMSProducer setAsync(CompletionListener completionListener) {
        async = completionListener;
        wrappedAsync = completionListener == null ? null : Callbacks.wrap(completionListener, completionFrame);
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return async;
    }

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer clearProperties() {
        properties.clear();
        return this;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return properties.get(name, PropertyConversions::toBoolean);
    }

    @Override
    public byte getByteProperty(String name) {
        return properties.get(name, PropertyConversions::toByte);
    }

    @Override
    public short getShortProperty(String name) {
        return properties.get(name, PropertyConversions::toShort);
    }

    @Override
    public int getIntProperty(String name) {
        return properties.get(name, PropertyConversions::toInt);
    }

    @Override
    public long getLongProperty(String name) {
        return properties.get(name, PropertyConversions::toLong);
    }

    @Override
    public float getFloatProperty(String name) {
        return properties.get(name, PropertyConversions::toFloat);
    }

    @Override
    public double getDoubleProperty(String name) {
        return properties.get(name, PropertyConversions::toDouble);
    }

    @Override
    public String getStringProperty(String name) {
        return PropertyConversions.toString(name, properties.get(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.names();
    }
}
