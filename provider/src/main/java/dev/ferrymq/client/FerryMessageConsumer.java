package dev.ferrymq.client;

import dev.ferrymq.client.util.BlockingWaitStrategy;
import dev.ferrymq.client.util.JmsExceptions;
import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.client.util.WaitStrategy;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DeliverySink;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A JMS consumer over an {@link EngineConsumer} ("Receiving messages"). The engine pushes
 * deliveries into a lock-free {@link DeliveryBuffer}, within the credit window (the {@code prefetch}
 * option); the application takes them with receive, or {@link ListenerTurns} on the session's
 * delivery executor hands them to the listener. Credit goes back to the engine in batches of half
 * the window as the application consumes, and the engine side follows the connection's start and
 * stop ({@link ConsumerEngineSide}). Expired deliveries are acknowledged and never shown. What
 * becomes of each delivery taken from the buffer (handed out, put back, dropped, handed back
 * unseen) and the credit it frees is {@link ConsumerDeliveries}'.
 *
 * <p>Threading: for the session's thread of control; {@link #close()} may be called from any
 * thread (it waits for a receive or listener in progress, and a blocked receive returns null) and
 * from the consumer's own listener.
 */
public final class FerryMessageConsumer implements BodyReceivingConsumer, QueueReceiver, TopicSubscriber {
    private final ConsumerSession session;
    private final Consumer<FerryMessageConsumer> whenClosed;
    private final Destination destination;
    private final String selector;
    private final boolean noLocal;
    private final DeliveryBuffer buffer = new DeliveryBuffer();
    private final ListenerTurns turns;
    private final WaitStrategy changes = new BlockingWaitStrategy();
    private final AtomicInteger receivers = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ConsumerEngineSide engineSide;
    private final ConsumerDeliveries deliveries;
    private volatile ConsumerInfo info;
    private volatile MessageListener listener;
    private volatile boolean closed;

    /**
     * @param window     the credit window (prefetch)
     * @param whenClosed told once when this consumer closed, so that its session forgets it; called
     *                   on the closing thread
     */
    FerryMessageConsumer(ConsumerSession session, Destination destination, String selector, boolean noLocal, int window,
                         Consumer<FerryMessageConsumer> whenClosed) {
        this.session = session;
        this.whenClosed = whenClosed;
        this.destination = destination;
        this.selector = selector;
        this.noLocal = noLocal;
        this.engineSide = new ConsumerEngineSide(window, () -> closed, session.connection()::isStarted);
        this.deliveries = new ConsumerDeliveries(session, this, buffer, engineSide);
        this.turns = new ListenerTurns(new Turns(), session, buffer);
    }

    /**
     * Creates the engine side, suspended unless the connection is started ("Pausing delivery of
     * incoming messages": a consumer of a stopped connection takes no message from its queue);
     * deliveries may arrive before this returns and are buffered. A start or stop meanwhile is
     * caught up by {@link #catchUpWithConnection} once the session lists the consumer.
     */
    void open(ConsumerInfo info) throws JMSException {
        this.info = info;
        boolean paused = !session.connection().isStarted();
        EngineConsumer created = session.engine().call(
                (e, done) -> e.createConsumer(info.withSuspended(paused), new Sink(), done));
        engineSide.opened(created, paused);
    }

    /** Follows a start or stop that happened while {@link #open} ran, and waits for it to apply. */
    void catchUpWithConnection() throws JMSException {
        SyncCompletion<Void> suspension = engineSide.followConnection();
        if (suspension != null) {
            suspension.await();
            handBackPrefetched();
        }
    }

    /** The engine's pushes: queue and wake, never block or call the application. */
    private final class Sink implements DeliverySink {
        @Override
        public void onDelivery(Delivery delivery) {
            buffer.add(delivery);
            if (listener != null) {
                turns.schedule();
            }
            changes.signalAll();
        }

        @Override
        public void onRedelivery(List<Delivery> redeliveries) {
            buffer.addRedelivered(redeliveries);
            engineSide.redelivered(redeliveries.size());
            if (listener != null) {
                turns.schedule();
            }
            changes.signalAll();
        }

        /**
         * Tells the connection first (it is marked closed when the broker stopped), so a receive
         * that returns null for this finds the connection's state already changed.
         */
        @Override
        public void onClosed(EngineException reason) {
            session.connection().consumerClosedByProvider(describe(), reason);
            engineSide.markClosedByEngine();
            changes.signalAll();
        }
    }

    /** "consumer on queue 'orders'" (and its subscription), for reports. */
    private String describe() {
        DestinationRef ref = info.destination();
        return "consumer on " + ref.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " '" + ref.name() + "'"
                + (info.subscriptionName() != null ? " (subscription '" + info.subscriptionName() + "')" : "");
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("consumer is closed");
        }
        session.checkOpen();
    }

    // ---- synchronous receive -------------------------------------------------------------

    @Override
    public Message receive() throws JMSException {
        return receiveWithin(WaitStrategy.FOREVER, deliveries::handOut);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        if (timeout < 0) {
            throw new JMSException("receive timeout must not be negative: " + timeout);
        }
        return receiveWithin(timeout == 0 ? WaitStrategy.FOREVER : TimeUnit.MILLISECONDS.toNanos(timeout), deliveries::handOut);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receiveWithin(0L, deliveries::handOut);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) throws JMSException {
        long nanos = timeout < 0 ? 0L : timeout == 0 ? WaitStrategy.FOREVER : TimeUnit.MILLISECONDS.toNanos(timeout);
        return receiveWithin(nanos, d -> deliveries.bodyOrPutBack(d, c));
    }

    /** What a receive makes of the delivery it took. */
    @FunctionalInterface
    private interface HandOut<R> {
        R apply(Delivery d) throws JMSException;
    }

    /**
     * The receive loop: waits for a delivery (while the connection is started) until the timeout
     * ({@link WaitStrategy#FOREVER}, or 0 for no wait), skipping expired ones; null when this
     * consumer, or by the provider its engine side or its connection, is closed.
     */
    private <R> R receiveWithin(long timeoutNanos, HandOut<R> handOut) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("synchronous receive is not allowed on a consumer with a message listener");
        }
        session.checkSyncReceiveAllowed();
        SessionConnection connection = session.connection();
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0L;
        receivers.incrementAndGet();
        try {
            for (;;) {
                if (closed || connection.isClosedByProvider()) {
                    return null;
                }
                if (connection.isStarted()) {
                    Delivery d = buffer.next();
                    if (d != null) {
                        if (deliveries.expired(d)) {
                            continue;
                        }
                        return handOut.apply(d);
                    }
                }
                if (engineSide.isClosedByEngine()) {
                    return null;
                }
                long left = timeoutNanos < 0 ? WaitStrategy.FOREVER : deadline - System.nanoTime();
                if (timeoutNanos == 0 || (timeoutNanos > 0 && left <= 0)) {
                    return null;
                }
                changes.await(() -> closed || engineSide.isClosedByEngine() || connection.isClosedByProvider()
                        || (connection.isStarted() && buffer.hasNext()), left, true);
                if (Thread.currentThread().isInterrupted()) {
                    throw JmsExceptions.toJms(new InterruptedException("receive interrupted"));
                }
            }
        } finally {
            if (receivers.decrementAndGet() == 0 && closed) {
                changes.signalAll();
            }
        }
    }

    // ---- listener ------------------------------------------------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener newListener) throws JMSException {
        checkOpen();
        MessageListener old = listener;
        listener = newListener;
        if (old == null && newListener != null) {
            session.listenerAdded();
        } else if (old != null && newListener == null) {
            session.listenerRemoved();
        }
        if (newListener != null && buffer.hasNext()) {
            turns.schedule();
        }
    }

    /** This consumer as its listener turns see it: a view, no state of its own. */
    private final class Turns implements ListenerTurns.Owner {
        @Override
        public MessageListener listener() {
            return listener;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean expired(Delivery d) {
            return deliveries.expired(d);
        }

        @Override
        public void returnCredit(int n) {
            deliveries.returnCredit(n);
        }

        @Override
        public void turnEnded() {
            changes.signalAll();
        }

        @Override
        public String toString() {
            return FerryMessageConsumer.this.toString();
        }
    }

    // ---- suspend, wake -------------------------------------------------------------------

    /**
     * Makes the engine consumer follow the connection ({@link ConsumerEngineSide#followConnection}):
     * returns the suspension when this call started one, for the caller to await and then
     * {@link #handBackPrefetched}, else {@code null}.
     */
    SyncCompletion<Void> followConnection() {
        return engineSide.followConnection();
    }

    /**
     * After the connection stopped and the engine consumer is suspended: hands what it prefetched
     * and did not deliver back to the queue unseen ({@link ConsumerDeliveries#handBackPrefetched}).
     */
    void handBackPrefetched() throws JMSException {
        deliveries.handBackPrefetched();
    }

    void wakeReceivers() {
        changes.signalAll();
        if (listener != null && buffer.hasNext()) {
            turns.schedule();
        }
    }

    // ---- close ---------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        closeForSession();
    }

    /**
     * Closes: wakes and waits for a receive or a listener in progress (unless called from the
     * listener), closes the engine side and hands back buffered deliveries unseen.
     */
    void closeForSession() throws JMSException {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        changes.signalAll();
        boolean ownThread = session.isDeliveryThread();
        changes.await(() -> receivers.get() == 0 && (ownThread || !turns.inListener()), WaitStrategy.FOREVER, false);
        if (listener != null) {
            session.listenerRemoved();
        }
        JMSException failure = null;
        try {
            engineSide.close();
        } catch (JMSException ex) {
            failure = ex;
        }
        try {
            deliveries.releaseBuffered();
        } catch (JMSException ex) {
            failure = failure == null ? ex : failure;
        }
        whenClosed.accept(this);
        failure = session.connection().closeFailure(failure);
        if (failure != null) {
            throw failure;
        }
    }

    // ---- getters ---------------------------------------------------------------------------

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return destination instanceof Queue q ? q : null;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return destination instanceof Topic t ? t : null;
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return noLocal;
    }

    @Override
    public String toString() {
        return "FerryMessageConsumer[" + destination + (selector != null ? ", selector=" + selector : "")
                + (closed ? ", closed" : "") + "]";
    }
}
