package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.client.destination.TemporaryDestinationOwner;
import dev.ferrymq.client.message.DeserializationFilter;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.EngineException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;

import java.util.concurrent.Executor;

/**
 * A connection as its sessions and their producers, consumers and browsers see it: its state
 * (started, closed, closed by the provider), its options, its exception reports and the few
 * connection-level calls a session makes. {@link ConnectionForSessions} implements it for the
 * connection; its sessions get it at construction, so they depend on this interface and not on
 * the connection class.
 *
 * <p>Threading: implementations are thread-safe; the state reads are lock-free and every method
 * may be called from application, listener, completion and engine threads. None blocks but
 * {@link #createTemporaryDestination} and {@link #unsubscribe}, which wait for the engine.
 */
interface SessionConnection {

    /** The threads the listeners and completion callbacks of the connection's sessions run on. */
    Executor listenerThreads();

    /** The facade options the connection was opened with (prefetch, client ID, ...). */
    ClientOptions options();

    /** Which classes ObjectMessage bodies received or made on this connection may be deserialized into. */
    DeserializationFilter deserializationFilter();

    /** The client ID set now, or {@code null}. */
    String currentClientId();

    /** The connection itself as owner of its temporary destinations (only it may consume from them). */
    TemporaryDestinationOwner temporaryDestinationOwner();

    /** Whether the connection delivers messages ("Pausing delivery of incoming messages"). */
    boolean isStarted();

    /** Whether the application closed the connection (from the middle of its close on). */
    boolean isClosed();

    /** Whether the engine closed the connection on its own (its broker stopped). */
    boolean isClosedByProvider();

    /** @throws IllegalStateException when the connection is closed, by the application or the provider */
    void checkOpen() throws IllegalStateException;

    /**
     * Tells the application's exception listener, if any, of a failure no call is waiting for; on a
     * provider thread, one at a time. Nothing once the connection is closed.
     */
    void reportAsync(Throwable error);

    /** The engine closed a consumer of this connection on its own: the exception listener hears of it. */
    void consumerClosedByProvider(String consumer, EngineException reason);

    /** {@code failure} of a close, or {@code null} when the engine side was closed by the provider already. */
    JMSException closeFailure(JMSException failure);

    /** A new temporary queue or topic of this connection. */
    FerryDestination createTemporaryDestination(DestinationType type) throws JMSException;

    /** Deletes the durable subscription {@code name} of the connection's client ID. */
    void unsubscribe(String name) throws JMSException;
}
