package dev.ferrymq.client.context;

import dev.ferrymq.client.AcknowledgingSession;
import dev.ferrymq.client.util.JmsExceptions;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.io.Serializable;

/**
 * {@link JMSContext} as a thin adapter over a classic {@link jakarta.jms.Connection} (shared with
 * sibling contexts, see {@link SharedConnection}) and one {@link Session}, created on first need
 * so that the client ID can still be set right after creation. Sends go through one anonymous
 * {@link MessageProducer} per context; every checked exception becomes its runtime twin through
 * {@link JmsExceptions#toRuntime(JMSException)}. What its session mode allows is
 * {@link ContextModes}'.
 *
 * <p>Threading: like a session, used by one thread at a time, except {@link #close()} which any
 * thread may call; {@link #createContext(int)} does not use the session. Close, commit and
 * rollback from this context's own completion listener, close from its own message listener and
 * stop from a message listener of any context on the same connection throw
 * {@link IllegalStateRuntimeException} (the spec allows failing or succeeding; failing cannot
 * dead-lock).
 */
final class FerryJMSContext implements JMSContext {

    private final SharedConnection shared;
    private final int sessionMode;
    private final Callbacks.Frame listenerFrame;
    private final Callbacks.Frame completionFrame;
    private final LazySession session;
    private volatile boolean autoStart = true;

    FerryJMSContext(SharedConnection shared, int sessionMode) {
        this.shared = shared;
        this.sessionMode = sessionMode;
        this.listenerFrame = new Callbacks.Frame(this, shared, false);
        this.completionFrame = new Callbacks.Frame(this, shared, true);
        this.session = new LazySession(shared, sessionMode);
    }

    void checkOpen() {
        session.checkOpen();
    }

    /** The session, created on first need. @throws IllegalStateRuntimeException when closed */
    Session session() {
        return session.get();
    }

    @FunctionalInterface
    private interface SessionCall<T> {
        T apply(Session s) throws JMSException;
    }

    private <T> T call(SessionCall<T> call) {
        Session s = session();
        try {
            return call.apply(s);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @FunctionalInterface
    private interface SessionRun {
        void apply(Session s) throws JMSException;
    }

    private void run(SessionRun run) {
        call(s -> {
            run.apply(s);
            return null;
        });
    }

    private JMSConsumer consumer(SessionCall<MessageConsumer> create) {
        JMSConsumer consumer = new FerryJMSConsumer(sessionMode, listenerFrame, call(create));
        if (autoStart) {
            try {
                shared.connection().start();
            } catch (JMSException e) {
                consumer.close();
                throw JmsExceptions.toRuntime(e);
            }
        }
        return consumer;
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        checkOpen();
        ContextModes.checkMode(sessionMode);
        shared.markUsed();
        shared.retain();
        return new FerryJMSContext(shared, sessionMode);
    }

    @Override
    public JMSProducer createProducer() {
        checkOpen();
        shared.markUsed();
        return new FerryJMSProducer(session, completionFrame);
    }

    @Override
    public String getClientID() {
        checkOpen();
        return shared.call(Connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        shared.setClientID(clientID);
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return shared.call(Connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return shared.call(Connection::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        shared.markUsed();
        shared.run(c -> c.setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkOpen();
        shared.markUsed();
        shared.run(c -> c.start());
    }

    @Override
    public void stop() {
        checkOpen();
        if (Callbacks.inMessageListenerOn(shared)) {
            throw new IllegalStateRuntimeException("stop() must not be called from a MessageListener of a "
                    + "JMSContext on the same connection: it would wait for that listener to return");
        }
        shared.markUsed();
        shared.run(c -> c.stop());
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    @Override
    public void close() {
        if (session.isClosed()) {
            return;
        }
        if (Callbacks.inMessageListenerOf(this)) {
            throw new IllegalStateRuntimeException("close() must not be called from a MessageListener on its "
                    + "own JMSContext: close it from another thread");
        }
        if (Callbacks.inCompletionListenerOf(this)) {
            throw new IllegalStateRuntimeException("close() must not be called from a CompletionListener on its "
                    + "own JMSContext");
        }
        boolean closedNow = false;
        try {
            closedNow = session.close();
        } catch (JMSException e) {
            closedNow = true;
            throw JmsExceptions.toRuntime(e);
        } finally {
            if (closedNow) {
                shared.release();
            }
        }
    }

    @Override
    public BytesMessage createBytesMessage() {
        return call(Session::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return call(Session::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return call(Session::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return call(Session::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return call(s -> s.createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return call(Session::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return call(Session::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return call(s -> s.createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        checkOpen();
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    private void checkTransacted(String method) {
        checkOpen();
        ContextModes.checkTransacted(sessionMode, method);
        if (Callbacks.inCompletionListenerOf(this)) {
            throw new IllegalStateRuntimeException(method + "() must not be called from a CompletionListener on its "
                    + "own JMSContext");
        }
    }

    @Override
    public void commit() {
        checkTransacted("commit");
        run(s -> s.commit());
    }

    @Override
    public void rollback() {
        checkTransacted("rollback");
        run(s -> s.rollback());
    }

    @Override
    public void recover() {
        checkOpen();
        ContextModes.checkRecoverable(sessionMode);
        run(s -> s.recover());
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(s -> s.createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(s -> s.createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(s -> s.createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public Queue createQueue(String queueName) {
        return call(s -> s.createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return call(s -> s.createTopic(topicName));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(s -> s.createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(s -> s.createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(s -> s.createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(s -> s.createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(s -> s.createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(s -> s.createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return call(s -> s.createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return call(s -> s.createBrowser(queue, messageSelector));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return call(Session::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return call(Session::createTemporaryTopic);
    }

    @Override
    public void unsubscribe(String name) {
        run(s -> s.unsubscribe(name));
    }

    @Override
    public void acknowledge() {
        checkOpen();
        Session s = session.existing();
        if (s == null || !ContextModes.acknowledgesExplicitly(sessionMode)) {
            return;
        }
        if (!(s instanceof AcknowledgingSession acknowledging)) {
            throw new JMSRuntimeException("JMSContext.acknowledge() needs a FerryMQ session, got "
                    + s.getClass().getName());
        }
        try {
            acknowledging.acknowledge();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }
}
