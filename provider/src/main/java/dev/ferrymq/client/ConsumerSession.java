package dev.ferrymq.client;

import dev.ferrymq.client.message.MessageAcknowledger;
import dev.ferrymq.client.util.SerialExecutor;
import dev.ferrymq.spi.Delivery;
import jakarta.jms.IllegalStateException;

/**
 * A session as its consumers (and their {@link ListenerTurns}) see it: its open check, its engine
 * side, its connection, the executor its listeners run on, the acknowledger of a received message
 * and its count of consumers with listeners ("Threading restrictions on a session"). The session
 * implements it ({@link SessionCore}); a consumer gets it at construction, so it depends on this
 * interface and not on the session class.
 *
 * <p>Threading: implementations are thread-safe; called from the application's threads, the
 * session's delivery thread and engine threads. No method blocks.
 */
interface ConsumerSession {

    /** @throws IllegalStateException when the session or its connection is closed */
    void checkOpen() throws IllegalStateException;

    SessionConnection connection();

    SessionEngine engine();

    /** The executor the session's message listeners run on, one at a time. */
    SerialExecutor deliveries();

    /** Whether the caller runs one of the session's message listeners. */
    boolean isDeliveryThread();

    /** What {@code Message.acknowledge()} of the message made from {@code d} calls. */
    MessageAcknowledger acknowledgerFor(Delivery d);

    /** @throws IllegalStateException while a consumer of the session has a message listener */
    void checkSyncReceiveAllowed() throws IllegalStateException;

    /** A consumer of the session got a message listener (it had none). */
    void listenerAdded();

    /** A consumer of the session lost its message listener, by a null listener or by its close. */
    void listenerRemoved();
}
