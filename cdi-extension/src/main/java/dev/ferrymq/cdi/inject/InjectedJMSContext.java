package dev.ferrymq.cdi.inject;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * The container-managed {@code JMSContext} an injection point receives: every call goes to the
 * context of the current scope ({@code current}), and the methods spec 12.4.5 reserves to the
 * container throw {@link IllegalStateRuntimeException}. As thread-safe as the contexts it
 * delegates to (one per request or per thread).
 */
final class InjectedJMSContext implements JMSContext {

    final ThreadContexts perThread;
    private final Supplier<JMSContext> current;
    private final String injectionPoint;

    InjectedJMSContext(ThreadContexts perThread, Supplier<JMSContext> current, String injectionPoint) {
        this.perThread = perThread;
        this.current = current;
        this.injectionPoint = injectionPoint;
    }

    private IllegalStateRuntimeException forbidden(String method) {
        return new IllegalStateRuntimeException(method + " may not be called on an injected JMSContext (Jakarta Messaging 12.4.5); "
                + "injected at " + injectionPoint);
    }

    @Override public void setClientID(String clientID) { throw forbidden("setClientID"); }
    @Override public void setExceptionListener(ExceptionListener listener) { throw forbidden("setExceptionListener"); }
    @Override public void start() { throw forbidden("start"); }
    @Override public void stop() { throw forbidden("stop"); }
    @Override public void setAutoStart(boolean autoStart) { throw forbidden("setAutoStart"); }
    @Override public void close() { throw forbidden("close"); }
    @Override public void commit() { throw forbidden("commit"); }
    @Override public void rollback() { throw forbidden("rollback"); }
    @Override public void recover() { throw forbidden("recover"); }
    @Override public void acknowledge() { throw forbidden("acknowledge"); }

    @Override public JMSContext createContext(int sessionMode) { return current.get().createContext(sessionMode); }
    @Override public JMSProducer createProducer() { return current.get().createProducer(); }
    @Override public String getClientID() { return current.get().getClientID(); }
    @Override public ConnectionMetaData getMetaData() { return current.get().getMetaData(); }
    @Override public ExceptionListener getExceptionListener() { return current.get().getExceptionListener(); }
    @Override public boolean getAutoStart() { return current.get().getAutoStart(); }
    @Override public BytesMessage createBytesMessage() { return current.get().createBytesMessage(); }
    @Override public MapMessage createMapMessage() { return current.get().createMapMessage(); }
    @Override public Message createMessage() { return current.get().createMessage(); }
    @Override public ObjectMessage createObjectMessage() { return current.get().createObjectMessage(); }
    @Override public ObjectMessage createObjectMessage(Serializable object) { return current.get().createObjectMessage(object); }
    @Override public StreamMessage createStreamMessage() { return current.get().createStreamMessage(); }
    @Override public TextMessage createTextMessage() { return current.get().createTextMessage(); }
    @Override public TextMessage createTextMessage(String text) { return current.get().createTextMessage(text); }
    @Override public boolean getTransacted() { return current.get().getTransacted(); }
    @Override public int getSessionMode() { return current.get().getSessionMode(); }
    @Override public JMSConsumer createConsumer(Destination destination) { return current.get().createConsumer(destination); }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return current.get().createConsumer(destination, messageSelector);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return current.get().createConsumer(destination, messageSelector, noLocal);
    }

    @Override public Queue createQueue(String queueName) { return current.get().createQueue(queueName); }
    @Override public Topic createTopic(String topicName) { return current.get().createTopic(topicName); }
    @Override public JMSConsumer createDurableConsumer(Topic topic, String name) { return current.get().createDurableConsumer(topic, name); }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return current.get().createDurableConsumer(topic, name, messageSelector, noLocal);
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return current.get().createSharedDurableConsumer(topic, name);
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return current.get().createSharedDurableConsumer(topic, name, messageSelector);
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return current.get().createSharedConsumer(topic, sharedSubscriptionName);
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return current.get().createSharedConsumer(topic, sharedSubscriptionName, messageSelector);
    }

    @Override public QueueBrowser createBrowser(Queue queue) { return current.get().createBrowser(queue); }
    @Override public QueueBrowser createBrowser(Queue queue, String messageSelector) { return current.get().createBrowser(queue, messageSelector); }
    @Override public TemporaryQueue createTemporaryQueue() { return current.get().createTemporaryQueue(); }
    @Override public TemporaryTopic createTemporaryTopic() { return current.get().createTemporaryTopic(); }
    @Override public void unsubscribe(String name) { current.get().unsubscribe(name); }

    @Override
    public String toString() {
        return "injected JMSContext at " + injectionPoint;
    }
}
