package dev.ferrymq.client;

import dev.ferrymq.client.message.DeserializationFilter;
import dev.ferrymq.client.message.MessageAcknowledger;
import dev.ferrymq.client.util.SerialExecutor;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.EngineSession;
import jakarta.jms.IllegalStateException;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * What a session's producers, consumers and browsers share of it: its engine side
 * ({@link SessionEngine}), its asynchronous sends ({@link AsyncSends}), the executor its listeners
 * run on, the acknowledgers of received messages ({@link ReceivedMessageAcks}), its message IDs and
 * how many of its consumers have listeners. {@link FerrySession} owns one and hands it to its
 * children as {@link ConsumerSession}, {@link ProducerSession} and {@link BrowserSession}; the
 * session's API and close sequence stay in the session.
 *
 * <p>Thread-safe: the fields are final, the counters atomic; every method may be called from any
 * thread and none blocks.
 */
final class SessionCore implements ConsumerSession, ProducerSession, BrowserSession {

    private final SessionConnection connection;
    private final BooleanSupplier sessionClosed;
    private final SessionEngine engine;
    private final ReceivedMessageAcks receivedAcks;
    private final AsyncSends asyncSends;
    private final SerialExecutor deliveries;
    private final String messageIdPrefix;
    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicInteger listenerCount = new AtomicInteger();

    /**
     * Makes the session's parts; its listener executor starts paused (the connection starts it).
     *
     * @param sessionClosed whether the session is closed (from the middle of its close sequence on);
     *                      called from any thread, must not block
     */
    SessionCore(SessionConnection connection, EngineSession engineSession, AckMode ackMode, String messageIdPrefix,
                BooleanSupplier sessionClosed) {
        this.connection = connection;
        this.sessionClosed = sessionClosed;
        this.messageIdPrefix = messageIdPrefix;
        this.engine = new SessionEngine(engineSession, ackMode, connection::reportAsync);
        this.receivedAcks = new ReceivedMessageAcks(engine,
                () -> sessionClosed.getAsBoolean() || connection.isClosed() || connection.isClosedByProvider());
        this.asyncSends = new AsyncSends(messageIdPrefix, connection.listenerThreads());
        this.deliveries = new SerialExecutor(connection.listenerThreads(), "listeners " + messageIdPrefix);
        this.deliveries.pause();
    }

    @Override
    public void checkOpen() throws IllegalStateException {
        if (sessionClosed.getAsBoolean()) {
            throw new IllegalStateException("session is closed");
        }
        connection.checkOpen();
    }

    @Override
    public SessionConnection connection() {
        return connection;
    }

    @Override
    public SessionEngine engine() {
        return engine;
    }

    @Override
    public AsyncSends asyncSends() {
        return asyncSends;
    }

    @Override
    public SerialExecutor deliveries() {
        return deliveries;
    }

    @Override
    public boolean isDeliveryThread() {
        return deliveries.isCurrentThread();
    }

    @Override
    public DeserializationFilter deserializationFilter() {
        return connection.deserializationFilter();
    }

    /**
     * What {@code Message.acknowledge()} of the message made from {@code d} calls: the session's
     * acknowledge-all, or in INDIVIDUAL_ACKNOWLEDGE mode the acknowledgement of that one delivery.
     */
    @Override
    public MessageAcknowledger acknowledgerFor(Delivery d) {
        return receivedAcks.forDelivery(d);
    }

    @Override
    public String nextMessageId() {
        return messageIdPrefix + messageIds.incrementAndGet();
    }

    /** "Threading restrictions on a session": receive is refused while consumers have listeners. */
    @Override
    public void checkSyncReceiveAllowed() throws IllegalStateException {
        if (listenerCount.get() > 0) {
            throw new IllegalStateException("synchronous receive is not allowed in a session whose consumers have "
                    + "message listeners (the session is dedicated to the thread delivering to them)");
        }
    }

    @Override
    public void listenerAdded() {
        listenerCount.incrementAndGet();
    }

    @Override
    public void listenerRemoved() {
        listenerCount.decrementAndGet();
    }
}
