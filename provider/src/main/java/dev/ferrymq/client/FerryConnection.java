package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.client.destination.TemporaryDestinationOwner;
import dev.ferrymq.client.util.ClientThreads;
import dev.ferrymq.client.util.CloseOnce;
import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConnectionListener;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.SessionInfo;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JMS connection over an {@link EngineConnection} ("Connections"): creates sessions and
 * temporary destinations, closes; the client ID ({@link ClientIdentity}), the exception listener
 * ({@link ExceptionReports}) and start/stop of the sessions' delivery ({@link ConnectionSessions})
 * live in their own classes. Its sessions see it only as a {@link SessionConnection}, which
 * {@link ConnectionForSessions} implements for it and which holds its closed flag.
 *
 * <p>Thread-safe, as the spec requires of connections. {@code stop} and {@code close} wait for
 * running message listeners of every session and may not be called from one of this connection's
 * listeners or completion callbacks (IllegalStateException). The exception listener runs on a
 * provider thread, one call at a time. When the engine closes the connection on its own (its broker
 * stopped) the listener is told once, every call on the connection and what it made throws
 * IllegalStateException, blocked receives return null, and {@code close} still works.
 */
public final class FerryConnection implements Connection, QueueConnection, TopicConnection, TemporaryDestinationOwner {

    private static final String JVM_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong CONNECTION_COUNT = new AtomicLong();
    private static final String CONNECTION_CONSUMER_UNSUPPORTED =
            "ConnectionConsumer (application server facility) is not supported by FerryMQ";

    private final EngineConnection engine;
    private final String connectionId;
    private final ClientOptions options;
    private final ApiDomain domain;
    private final ClientIdentity identity;
    private final ConnectionSessions sessions = new ConnectionSessions();
    private final ExceptionReports exceptions;
    /** The listener threads of this broker's connections ({@link ClientOptions#LISTENER_THREADS}), released at close. */
    private final ClientThreads threads;
    private final AtomicLong sessionCount = new AtomicLong();
    private final CloseOnce closeOnce = new CloseOnce();
    /** This connection as its sessions see it; it holds the closed flag. */
    private final ConnectionForSessions forSessions;

    private FerryConnection(EngineConnection engine, String connectionId, ClientOptions options, ApiDomain domain,
                            ClientThreads threads) {
        this.engine = engine;
        this.connectionId = connectionId;
        this.options = options;
        this.domain = domain;
        this.threads = threads;
        this.identity = new ClientIdentity(options.clientId());
        this.exceptions = new ExceptionReports(connectionId, threads.executor(), sessions::wakeAll);
        this.forSessions = new ConnectionForSessions(engine, connectionId, options, identity, sessions, exceptions,
                threads, this);
    }

    /**
     * Opens a connection to {@code engine} (used by the connection factory and by tests with their
     * own engine).
     *
     * @param options  the facade options (client ID, prefetch)
     * @param user     user name or {@code null}
     * @param password password or {@code null}
     * @param domain   which API the application asked for
     * @throws JMSException the engine's refusal, e.g. InvalidClientIDException when the
     *                      administratively configured client ID is in use
     */
    public static FerryConnection open(Engine engine, ClientOptions options, String user, String password,
                                       ApiDomain domain) throws JMSException {
        String id = "ferry-" + JVM_ID + "-" + CONNECTION_COUNT.incrementAndGet();
        Relay relay = new Relay();
        EngineConnection ec = SyncCompletion.call(done ->
                engine.openConnection(new ConnectionInfo(id, options.clientId(), user, password), relay, done));
        FerryConnection connection = new FerryConnection(ec, id, options, domain,
                ClientThreads.acquire(engine.name(), options.listenerThreads()));
        relay.target = connection;
        return connection;
    }

    /** Passes engine failures to the connection once it exists (ILLEGAL_STATE: the engine closed it). */
    private static final class Relay implements ConnectionListener {
        volatile FerryConnection target;

        @Override
        public void onException(EngineException error) {
            FerryConnection c = target;
            if (c != null && !c.forSessions.isClosed()) {
                c.exceptions.engineFailure(error);
            }
        }
    }

    // ---- facade-internal API -------------------------------------------------------------

    /** The engine's connection ID (unique in the JVM). */
    public String connectionId() {
        return connectionId;
    }

    private void checkOpen() throws IllegalStateException {
        forSessions.checkOpen();
    }

    // ---- client ID, metadata, exception listener ----------------------------------------------

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return identity.current();
    }

    @Override
    public void setClientID(String id) throws JMSException {
        checkOpen();
        identity.set(id, engine);
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return FerryConnectionMetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return exceptions.listener();
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        identity.setupAction();
        exceptions.setListener(listener);
    }

    // ---- start, stop, close ------------------------------------------------------------------

    @Override
    public void start() throws JMSException {
        checkOpen();
        identity.setupAction();
        sessions.start();
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        identity.setupAction();
        if (sessions.calledFromOwnListener()) {
            throw new IllegalStateException("Connection.stop called from a message listener of its own connection "
                    + "(\"Pausing delivery of incoming messages\": it would wait for that listener to return)");
        }
        sessions.stop();
    }

    @Override
    public void close() throws JMSException {
        if (closeOnce.isFinished()) {
            return;
        }
        if (sessions.calledFromOwnCallback()) {
            throw new IllegalStateException("Connection.close called from a message listener or completion listener "
                    + "of its own connection");
        }
        if (!closeOnce.begin()) {
            closeOnce.awaitFinished();
            return;
        }
        JMSException failure = null;
        try {
            List<SessionForConnection> all = sessions.stopAll();
            forSessions.markClosed();
            for (SessionForConnection s : all) {
                try {
                    s.closeForConnection();
                } catch (JMSException e) {
                    failure = failure == null ? e : failure;
                }
            }
            try {
                SyncCompletion.<Void>call(engine::close);
            } catch (JMSException e) {
                failure = failure == null ? e : failure;
            }
            exceptions.shutdown();
        } finally {
            forSessions.markClosed();
            threads.release();
            closeOnce.finished();
        }
        failure = forSessions.closeFailure(failure);
        if (failure != null) {
            throw failure;
        }
    }

    // ---- sessions ----------------------------------------------------------------------------

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted ? Session.SESSION_TRANSACTED : checkAckMode(acknowledgeMode), ApiDomain.GENERIC);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        if (sessionMode != Session.SESSION_TRANSACTED) {
            checkAckMode(sessionMode);
        }
        return newSession(sessionMode, ApiDomain.GENERIC);
    }

    @Override
    public Session createSession() throws JMSException {
        return newSession(Session.AUTO_ACKNOWLEDGE, ApiDomain.GENERIC);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted ? Session.SESSION_TRANSACTED : checkAckMode(acknowledgeMode), ApiDomain.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted ? Session.SESSION_TRANSACTED : checkAckMode(acknowledgeMode), ApiDomain.TOPIC);
    }

    private int checkAckMode(int mode) throws JMSException {
        checkOpen();
        return SessionModes.checkAckMode(mode);
    }

    private FerrySession newSession(int sessionMode, ApiDomain sessionDomain) throws JMSException {
        checkOpen();
        identity.setupAction();
        AckMode ackMode = SessionModes.ackMode(sessionMode);
        EngineSession es = SyncCompletion.call(done -> engine.createSession(new SessionInfo(ackMode), done));
        long number = sessionCount.incrementAndGet();
        FerrySession session = new FerrySession(forSessions, es, sessionMode, ackMode, sessionDomain,
                "ID:" + connectionId + "-" + number + "-", sessions::remove);
        if (sessions.add(session.forConnection(), forSessions::isClosed)) {
            return session;
        }
        es.close(dev.ferrymq.spi.Completion.ignore());
        throw new IllegalStateException("connection " + connectionId + " is closed");
    }

    // ---- temporary destinations --------------------------------------------------------------

    @Override
    public void deleteTemporaryDestination(DestinationRef destination) throws JMSException {
        checkOpen();
        SyncCompletion.<Void>call(done -> engine.deleteTemporaryDestination(destination, done));
    }

    /**
     * FerryMQ extension (admin): moves the messages of dead-letter (or expiry) queue
     * {@code deadLetterQueue} that match {@code messageSelector} ({@code null} for all) back to the
     * destination they were first sent to, without the {@code JMS_FERRYMQ_} properties and with a
     * fresh JMSXDeliveryCount. Messages a consumer holds right now stay, as do messages with no
     * known origin. Thread-safe.
     *
     * @return how many messages moved
     * @throws InvalidDestinationException when {@code deadLetterQueue} is not a FerryMQ queue
     * @throws InvalidSelectorException    for a bad selector
     * @throws IllegalStateException       when the connection is closed
     */
    public int moveToOrigin(Queue deadLetterQueue, String messageSelector) throws JMSException {
        checkOpen();
        if (deadLetterQueue == null) {
            throw new jakarta.jms.InvalidDestinationException("moveToOrigin needs the dead-letter queue, got null");
        }
        DestinationRef ref = FerryDestination.own(deadLetterQueue);
        String selector = ConsumerRules.selector(messageSelector);
        return SyncCompletion.call(done -> engine.moveToOrigin(ref, selector, done));
    }

    // ---- connection consumers: application server facility, not supported ---------------------

    private JMSException connectionConsumerUnsupported(boolean topicOnly) throws JMSException {
        checkOpen();
        if (topicOnly && domain == ApiDomain.QUEUE) {
            return new IllegalStateException("a QueueConnection cannot create a topic connection consumer");
        }
        return new JMSException(CONNECTION_CONSUMER_UNSUPPORTED);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumerUnsupported(false);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumerUnsupported(false);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumerUnsupported(false);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                             ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumerUnsupported(true);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                              ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumerUnsupported(true);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumerUnsupported(true);
    }

    @Override
    public String toString() {
        String clientId = identity.current();
        return "FerryConnection[" + connectionId + (clientId != null ? ", clientID=" + clientId : "")
                + (forSessions.isClosed() ? ", closed" : sessions.isStarted() ? ", started" : ", stopped") + "]";
    }
}
