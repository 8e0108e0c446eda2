package dev.ferrymq.client;

import dev.ferrymq.FerrySessionModes;
import dev.ferrymq.client.util.ClientThreads;
import dev.ferrymq.client.util.SerialExecutor;
import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.client.util.WaitStrategy;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConnectionListener;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
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
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A JMS connection over an {@link EngineConnection} ("Connections"): client ID, start/stop,
 * exception listener, sessions and temporary destinations.
 *
 * <p>Thread-safe, as the spec requires of connections. {@code stop} and {@code close} wait for
 * running message listeners of every session and may not be called from one of this connection's
 * listeners or completion callbacks (IllegalStateException). The exception listener runs on a
 * provider thread, one call at a time.
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
    private final boolean adminClientId;
    private final Set<FerrySession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionCount = new AtomicLong();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final SerialExecutor exceptionDelivery;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final WaitStrategy closeWait = WaitStrategy.blocking();
    private volatile String clientId;
    private volatile boolean setupDone;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean closeFinished;
    private volatile ExceptionListener exceptionListener;

    private FerryConnection(EngineConnection engine, String connectionId, ClientOptions options, ApiDomain domain) {
        this.engine = engine;
        this.connectionId = connectionId;
        this.options = options;
        this.domain = domain;
        this.clientId = options.clientId();
        this.adminClientId = clientId != null;
        this.exceptionDelivery = new SerialExecutor(ClientThreads.pool(), "exception-listener " + connectionId);
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
        FerryConnection connection = new FerryConnection(ec, id, options, domain);
        relay.target = connection;
        return connection;
    }

    /** Passes engine failures to the connection once it exists. */
    private static final class Relay implements ConnectionListener {
        volatile FerryConnection target;

        @Override
        public void onException(EngineException error) {
            FerryConnection c = target;
            if (c != null) {
                c.reportAsync(error);
            }
        }
    }

    // ---- facade-internal API -------------------------------------------------------------

    /** The engine's connection ID (unique in the JVM). */
    public String connectionId() {
        return connectionId;
    }

    ClientOptions options() {
        return options;
    }

    EngineConnection engine() {
        return engine;
    }

    boolean isStarted() {
        return started;
    }

    boolean isClosed() {
        return closed;
    }

    String currentClientId() {
        return clientId;
    }

    /**
     * Tells the application's exception listener, if any, of a failure no call is waiting for; on a
     * provider thread, one at a time.
     */
    void reportAsync(Throwable error) {
        ExceptionListener listener = exceptionListener;
        if (listener != null && !closed) {
            JMSException jms = JmsExceptions.toJms(error);
            exceptionDelivery.execute(() -> listener.onException(jms));
        }
    }

    void removeSession(FerrySession session) {
        sessions.remove(session);
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("connection " + connectionId + " is closed");
        }
    }

    private void setupAction() {
        if (!setupDone) {
            setupDone = true;
        }
    }

    private boolean calledFromOwnCallback() {
        for (FerrySession s : sessions) {
            if (s.isDeliveryThread() || s.isCompletionThread()) {
                return true;
            }
        }
        return false;
    }

    // ---- client ID, metadata, exception listener ----------------------------------------------

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    @Override
    public void setClientID(String id) throws JMSException {
        checkOpen();
        if (adminClientId) {
            throw new IllegalStateException("the client ID '" + clientId
                    + "' was configured administratively (URL option clientID) and cannot be changed");
        }
        lifecycle.lock();
        try {
            if (clientId != null || setupDone) {
                throw new IllegalStateException("setClientID must be called right after the connection is created, "
                        + "before any other action on it (and only once)");
            }
            if (id == null || id.isEmpty()) {
                throw new InvalidClientIDException("client ID must not be null or empty");
            }
            SyncCompletion.<Void>call(done -> engine.setClientId(id, done));
            clientId = id;
            setupDone = true;
        } finally {
            lifecycle.unlock();
        }
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return FerryConnectionMetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        setupAction();
        exceptionListener = listener;
    }

    // ---- start, stop, close ------------------------------------------------------------------

    @Override
    public void start() throws JMSException {
        checkOpen();
        setupAction();
        lifecycle.lock();
        try {
            if (started) {
                return;
            }
            started = true;
            for (FerrySession s : sessions) {
                s.connectionStarted();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        setupAction();
        if (calledFromOwnCallback()) {
            throw new IllegalStateException("Connection.stop called from a message listener or completion listener "
                    + "of its own connection");
        }
        List<FerrySession> paused = new ArrayList<>();
        lifecycle.lock();
        try {
            if (!started) {
                return;
            }
            started = false;
            for (FerrySession s : sessions) {
                s.connectionStopped();
                paused.add(s);
            }
        } finally {
            lifecycle.unlock();
        }
        for (FerrySession s : paused) {
            s.awaitListenerReturned();
        }
    }

    @Override
    public void close() throws JMSException {
        if (closeFinished) {
            return;
        }
        if (calledFromOwnCallback()) {
            throw new IllegalStateException("Connection.close called from a message listener or completion listener "
                    + "of its own connection");
        }
        if (!closing.compareAndSet(false, true)) {
            closeWait.await(() -> closeFinished, WaitStrategy.FOREVER, false);
            return;
        }
        JMSException failure = null;
        try {
            List<FerrySession> all;
            lifecycle.lock();
            try {
                started = false;
                all = new ArrayList<>(sessions);
                for (FerrySession s : all) {
                    s.connectionStopped();
                }
            } finally {
                lifecycle.unlock();
            }
            for (FerrySession s : all) {
                s.awaitListenerReturned();
            }
            closed = true;
            for (FerrySession s : all) {
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
            exceptionDelivery.shutdown();
        } finally {
            closed = true;
            closeFinished = true;
            closeWait.signalAll();
        }
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
        if (mode != Session.AUTO_ACKNOWLEDGE && mode != Session.CLIENT_ACKNOWLEDGE && mode != Session.DUPS_OK_ACKNOWLEDGE
                && !FerrySessionModes.isIndividual(mode)) {
            throw new JMSException("invalid session mode " + mode + ": expected SESSION_TRANSACTED (0), AUTO_ACKNOWLEDGE (1), "
                    + "CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or FerryMQ's INDIVIDUAL_ACKNOWLEDGE (101, or 4)");
        }
        return mode;
    }

    private FerrySession newSession(int sessionMode, ApiDomain sessionDomain) throws JMSException {
        checkOpen();
        setupAction();
        AckMode ackMode = switch (sessionMode) {
            case Session.SESSION_TRANSACTED -> AckMode.TRANSACTED;
            case Session.CLIENT_ACKNOWLEDGE -> AckMode.CLIENT;
            case Session.DUPS_OK_ACKNOWLEDGE -> AckMode.DUPS_OK;
            case FerrySessionModes.INDIVIDUAL_ACKNOWLEDGE, FerrySessionModes.ACTIVEMQ_CLASSIC_INDIVIDUAL_ACKNOWLEDGE ->
                    AckMode.INDIVIDUAL;
            default -> AckMode.AUTO;
        };
        EngineSession es = SyncCompletion.call(done -> engine.createSession(new SessionInfo(ackMode), done));
        long number = sessionCount.incrementAndGet();
        FerrySession session = new FerrySession(this, es, sessionMode, ackMode, sessionDomain,
                "ID:" + connectionId + "-" + number + "-");
        lifecycle.lock();
        try {
            if (!closed) {
                sessions.add(session);
                if (started) {
                    session.connectionStarted();
                }
                return session;
            }
        } finally {
            lifecycle.unlock();
        }
        es.close(dev.ferrymq.spi.Completion.ignore());
        throw new IllegalStateException("connection " + connectionId + " is closed");
    }

    // ---- temporary destinations --------------------------------------------------------------

    FerryDestination createTemporaryDestination(DestinationType type) throws JMSException {
        checkOpen();
        DestinationRef ref = SyncCompletion.call(done -> engine.createTemporaryDestination(type, done));
        return type == DestinationType.TEMPORARY_QUEUE
                ? new FerryTemporaryQueue(ref.name(), this)
                : new FerryTemporaryTopic(ref.name(), this);
    }

    @Override
    public void deleteTemporaryDestination(FerryDestination destination) throws JMSException {
        checkOpen();
        SyncCompletion.<Void>call(done -> engine.deleteTemporaryDestination(destination.ref(), done));
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

    void unsubscribe(String name) throws JMSException {
        checkOpen();
        SyncCompletion.<Void>call(done -> engine.unsubscribe(name, done));
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
        return "FerryConnection[" + connectionId + (clientId != null ? ", clientID=" + clientId : "")
                + (closed ? ", closed" : started ? ", started" : ", stopped") + "]";
    }
}
