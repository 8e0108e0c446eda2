package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.client.destination.FerryTemporaryQueue;
import dev.ferrymq.client.destination.FerryTemporaryTopic;
import dev.ferrymq.client.destination.TemporaryDestinationOwner;
import dev.ferrymq.client.message.DeserializationFilter;
import dev.ferrymq.client.util.ClientThreads;
import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;

import java.util.concurrent.Executor;

/**
 * A {@link FerryConnection} as its sessions see it ({@link SessionConnection}): the parts of the
 * connection they read (options, client ID, started), its closed flag, its exception reports and
 * the two connection-level engine calls a session makes (temporary destinations, unsubscribe).
 * It owns the connection's closed flag, which the connection sets once at close; everything else
 * it holds belongs to the connection and is only read or called here.
 *
 * <p>Threading contract: thread-safe, as the connection. All fields are final but the volatile
 * closed flag; the state reads are lock-free. Only {@link #createTemporaryDestination} and
 * {@link #unsubscribe} block, waiting for the engine.
 */
final class ConnectionForSessions implements SessionConnection {

    private final EngineConnection engine;
    private final String connectionId;
    private final ClientOptions options;
    private final ClientIdentity identity;
    private final ConnectionSessions sessions;
    private final ExceptionReports exceptions;
    private final ClientThreads threads;
    /** The connection, as owner of the temporary destinations made here. */
    private final TemporaryDestinationOwner owner;
    private volatile boolean closed;

    ConnectionForSessions(EngineConnection engine, String connectionId, ClientOptions options, ClientIdentity identity,
                          ConnectionSessions sessions, ExceptionReports exceptions, ClientThreads threads,
                          TemporaryDestinationOwner owner) {
        this.engine = engine;
        this.connectionId = connectionId;
        this.options = options;
        this.identity = identity;
        this.sessions = sessions;
        this.exceptions = exceptions;
        this.threads = threads;
        this.owner = owner;
    }

    /** The connection closed (or began to: its sessions are stopped); from now on calls fail. */
    void markClosed() {
        closed = true;
    }

    @Override
    public Executor listenerThreads() {
        return threads.executor();
    }

    @Override
    public ClientOptions options() {
        return options;
    }

    @Override
    public DeserializationFilter deserializationFilter() {
        return options.deserializationFilter();
    }

    @Override
    public String currentClientId() {
        return identity.current();
    }

    @Override
    public TemporaryDestinationOwner temporaryDestinationOwner() {
        return owner;
    }

    @Override
    public boolean isStarted() {
        return sessions.isStarted();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isClosedByProvider() {
        return exceptions.isClosedByProvider();
    }

    @Override
    public void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("connection " + connectionId + " is closed");
        }
        exceptions.checkNotClosedByProvider();
    }

    @Override
    public void reportAsync(Throwable error) {
        if (!closed) {
            exceptions.report(error);
        }
    }

    @Override
    public void consumerClosedByProvider(String consumer, EngineException reason) {
        if (!closed) {
            exceptions.consumerClosed(consumer, reason);
        }
    }

    @Override
    public JMSException closeFailure(JMSException failure) {
        return exceptions.isClosedByProvider() ? null : failure;
    }

    @Override
    public FerryDestination createTemporaryDestination(DestinationType type) throws JMSException {
        checkOpen();
        DestinationRef ref = SyncCompletion.call(done -> engine.createTemporaryDestination(type, done));
        return type == DestinationType.TEMPORARY_QUEUE
                ? new FerryTemporaryQueue(ref.name(), owner)
                : new FerryTemporaryTopic(ref.name(), owner);
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        SyncCompletion.<Void>call(done -> engine.unsubscribe(name, done));
    }
}
