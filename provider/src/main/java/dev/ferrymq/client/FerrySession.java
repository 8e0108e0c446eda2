package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import dev.ferrymq.client.message.DeserializationFilter;
import dev.ferrymq.client.util.SerialExecutor;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.EngineSession;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

import java.util.function.Consumer;

/**
 * A JMS session ("Sessions"): factory of messages ({@link MessageFactorySession}), producers,
 * consumers ({@link SessionConsumers}) and browsers; its acknowledgement mode or local
 * transaction ({@link SessionEngine}); its asynchronous sends ({@link AsyncSends}); its close
 * sequence ({@link SessionClose}). Its producers, consumers and browsers see it only as
 * {@link SessionCore}, through the small interfaces that implements; its connection sees it as
 * {@link SessionForConnection}.
 *
 * <p>Threading: like every JMS session, for one thread of control at a time; only
 * {@link #close()} may be called from any thread. Its message listeners run one at a time on a
 * {@link SerialExecutor} over the shared {@link ClientThreads} pool, never concurrently. While
 * any of its consumers has a listener, synchronous receive is refused ("Threading restrictions on
 * a session"). Concurrent misuse cannot corrupt the engine: engine calls are serialized.
 */
public final class FerrySession extends MessageFactorySession
        implements Session, QueueSession, TopicSession, AcknowledgingSession {

    private final SessionConnection connection;
    private final int sessionMode;
    private final ApiDomain domain;
    private final String messageIdPrefix;
    private final SessionCore core;
    private final SessionEngine engine;
    private final AsyncSends asyncSends;
    private final SerialExecutor deliveries;
    private final SessionConsumers consumers;
    private final SessionClose closer;
    private final SessionForConnection forConnection;

    /**
     * @param whenClosed told once this session's close sequence ended, so that the connection
     *                   forgets it ({@link #forConnection()}); called on the closing thread
     */
    FerrySession(SessionConnection connection, EngineSession engineSession, int sessionMode, AckMode ackMode,
                 ApiDomain domain, String messageIdPrefix, Consumer<SessionForConnection> whenClosed) {
        this.connection = connection;
        this.sessionMode = sessionMode;
        this.domain = domain;
        this.messageIdPrefix = messageIdPrefix;
        this.core = new SessionCore(connection, engineSession, ackMode, messageIdPrefix, this::isClosed);
        this.engine = core.engine();
        this.asyncSends = core.asyncSends();
        this.deliveries = core.deliveries();
        this.consumers = new SessionConsumers(core);
        this.closer = new SessionClose(core, consumers, () -> whenClosed.accept(forConnection()));
        this.forConnection = new SessionForConnection(deliveries, asyncSends, consumers, closer);
    }

    // ---- facade-internal API -------------------------------------------------------------

    /** This session as its connection sees it: start, stop and close of the connection reach it there. */
    SessionForConnection forConnection() {
        return forConnection;
    }

    private boolean isClosed() {
        return closer.isClosed();
    }

    @Override
    DeserializationFilter deserializationFilter() {
        return connection.deserializationFilter();
    }

    @Override
    void checkOpen() throws IllegalStateException {
        core.checkOpen();
    }

    private void requireDomain(ApiDomain wanted, String method) throws IllegalStateException {
        if (domain != ApiDomain.GENERIC && domain != wanted) {
            throw new IllegalStateException(method + " is not allowed on a " + (domain == ApiDomain.QUEUE
                    ? "QueueSession" : "TopicSession"));
        }
    }

    // ---- mode, transaction, acknowledgement ----------------------------------------------

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() throws JMSException {
        checkTransactionControl("commit");
        asyncSends.awaitAll();
        engine.commit();
    }

    @Override
    public void rollback() throws JMSException {
        checkTransactionControl("rollback");
        asyncSends.awaitAll();
        engine.rollback();
    }

    private void checkTransactionControl(String method) throws JMSException {
        checkOpen();
        if (sessionMode != SESSION_TRANSACTED) {
            throw new IllegalStateException(method + " is only allowed in a transacted session");
        }
        if (asyncSends.isCallbackThread()) {
            throw new IllegalStateException(method + " may not be called from a CompletionListener of its own session");
        }
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (sessionMode == SESSION_TRANSACTED) {
            throw new IllegalStateException("recover is not allowed in a transacted session: use rollback");
        }
        engine.recover(deliveries.isCurrentThread());
    }

    @Override
    public void acknowledge() throws JMSException {
        checkOpen();
        engine.acknowledgeAll();
    }

    // ---- session listener: application server facility ("Jakarta Messaging application server facilities")

    /**
     * The session's distinguished message listener: always {@code null}, the default, since no
     * listener but {@code null} can be set (see {@link #setMessageListener}). Connection pools
     * (e.g. pooled-jms) call this to check a session is clean before reusing it.
     *
     * @throws IllegalStateException when the session is closed
     */
    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return null;
    }

    /**
     * Clears the session's distinguished message listener ({@code null} is accepted and changes
     * nothing). A listener is refused: only a ConnectionConsumer assigns messages to a session's
     * distinguished listener, and FerryMQ has no ConnectionConsumer, so such a listener would never
     * be called.
     *
     * @throws JMSException naming the missing facility when {@code listener} is not {@code null}
     * @throws IllegalStateException when the session is closed
     */
    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new JMSException("the session's distinguished message listener is fed only by a "
                    + "ConnectionConsumer (application server facility), which FerryMQ does not support: "
                    + "set the listener on a MessageConsumer instead");
        }
    }

    /**
     * Refused: there are never messages assigned to the session by a ConnectionConsumer to run.
     *
     * @throws JMSRuntimeException always, naming the missing facility
     */
    @Override
    public void run() {
        throw new JMSRuntimeException("Session.run serves a ConnectionConsumer (application server facility), "
                + "which FerryMQ does not support");
    }

    // ---- close ---------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (closer.isFinished()) {
            return;
        }
        if (asyncSends.isCallbackThread()) {
            throw new IllegalStateException("a CompletionListener may not close its own session");
        }
        if (deliveries.isCurrentThread()) {
            throw new IllegalStateException("Session.close called from a MessageListener of this session "
                    + "(\"Closing a session\": close waits for the running listener to return; close the session "
                    + "from another thread)");
        }
        closer.close();
    }

    // ---- producers, consumers, browsers ----------------------------------------------------

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        FerryMessageProducer p = new FerryMessageProducer(core, destination,
                destination == null ? null : FerryDestination.own(destination), closer::remove);
        closer.add(p);
        return p;
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return consumers.create(destination, null, false, null, false, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return consumers.create(destination, messageSelector, false, null, false, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) throws JMSException {
        return consumers.create(destination, messageSelector, noLocal, null, false, false);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return consumers.create(queue, null, false, null, false, false);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return consumers.create(queue, messageSelector, false, null, false, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return consumers.create(topic, null, false, null, false, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return consumers.create(topic, messageSelector, noLocal, null, false, false);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name, String messageSelector) throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.TOPIC, "createSharedConsumer");
        return consumers.createSubscription(topic, name, messageSelector, false, false, true);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.TOPIC, "createDurableSubscriber");
        return consumers.createSubscription(topic, name, messageSelector, noLocal, true, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.TOPIC, "createDurableConsumer");
        return consumers.createSubscription(topic, name, messageSelector, noLocal, true, false);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.TOPIC, "createSharedDurableConsumer");
        return consumers.createSubscription(topic, name, messageSelector, false, true, true);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.QUEUE, "createBrowser");
        var ref = FerryDestination.own(queue);
        String sel = ConsumerRules.selector(messageSelector);
        FerryQueueBrowser b = new FerryQueueBrowser(core, queue, ref, sel, closer::remove);
        b.validate();
        closer.add(b);
        return b;
    }

    // ---- destinations ----------------------------------------------------------------------

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.QUEUE, "createQueue");
        if (queueName == null || queueName.isEmpty()) {
            throw new InvalidDestinationException("queue name must not be null or empty");
        }
        return new FerryQueue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.TOPIC, "createTopic");
        if (topicName == null || topicName.isEmpty()) {
            throw new InvalidDestinationException("topic name must not be null or empty");
        }
        return new FerryTopic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.QUEUE, "createTemporaryQueue");
        return (TemporaryQueue) connection.createTemporaryDestination(DestinationType.TEMPORARY_QUEUE);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.TOPIC, "createTemporaryTopic");
        return (TemporaryTopic) connection.createTemporaryDestination(DestinationType.TEMPORARY_TOPIC);
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        requireDomain(ApiDomain.TOPIC, "unsubscribe");
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("subscription name must not be null or empty");
        }
        connection.unsubscribe(name);
    }

    @Override
    public String toString() {
        return "FerrySession[" + messageIdPrefix + ", mode " + sessionMode + (isClosed() ? ", closed" : "") + "]";
    }
}
