package dev.ferrymq.client;

import dev.ferrymq.client.message.Messages;
import dev.ferrymq.client.util.SerialExecutor;
import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.client.util.WaitStrategy;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DeliverySink;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JMS consumer over an {@link EngineConsumer} ("Receiving messages"). The engine pushes
 * deliveries into a lock-free buffer, within the credit window (the {@code prefetch} option); the
 * application takes them with receive, or the session's delivery executor hands them to the
 * listener. Credit goes back to the engine in batches of half the window as the application
 * consumes. Expired deliveries are acknowledged and never shown.
 *
 * <p>Threading: for the session's thread of control; {@link #close()} may be called from any
 * thread (it waits for a receive or listener in progress, and a blocked receive returns null) and
 * from the consumer's own listener.
 */
public final class FerryMessageConsumer implements BodyReceivingConsumer, QueueReceiver, TopicSubscriber {
    private static final System.Logger LOG = System.getLogger(FerryMessageConsumer.class.getName());


    /** Messages a listener gets per turn on the session's delivery executor. */
    private static final int DISPATCH_BATCH = 16;

    private final FerrySession session;
    private final Destination destination;
    private final String selector;
    private final boolean noLocal;
    private final int creditBatch;
    private final ConcurrentLinkedQueue<Delivery> buffer = new ConcurrentLinkedQueue<>();
    /**
     * Local redeliveries (recover, rollback): handed out before {@link #buffer}. They already used
     * their credit, which is why {@code creditOwed} goes down by their number when they arrive.
     */
    private final ConcurrentLinkedDeque<Delivery> redelivered = new ConcurrentLinkedDeque<>();
    private final WaitStrategy changes = WaitStrategy.blocking();
    private final AtomicInteger receivers = new AtomicInteger();
    private final AtomicInteger creditOwed = new AtomicInteger();
    private final AtomicBoolean dispatchScheduled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Runnable dispatchTask = this::dispatchOne;
    private volatile EngineConsumer engine;
    private volatile MessageListener listener;
    private volatile boolean inListener;
    private volatile boolean closed;
    private volatile boolean engineClosed;
    /** A delivery receiveBody could not hand out: the next one this consumer returns. */
    private volatile Delivery putBack;

    FerryMessageConsumer(FerrySession session, Destination destination, String selector, boolean noLocal, int window) {
        this.session = session;
        this.destination = destination;
        this.selector = selector;
        this.noLocal = noLocal;
        this.creditBatch = Math.max(1, window / 2);
    }

    /** Creates the engine side; deliveries may arrive before this returns and are buffered. */
    void open(ConsumerInfo info) throws JMSException {
        engine = session.engine().call((e, done) -> e.createConsumer(info, new Sink(), done));
    }

    /** The engine's pushes: queue and wake, never block or call the application. */
    private final class Sink implements DeliverySink {
        @Override
        public void onDelivery(Delivery delivery) {
            buffer.add(delivery);
            if (listener != null) {
                scheduleDispatch();
            }
            changes.signalAll();
        }

        @Override
        public void onRedelivery(List<Delivery> redeliveries) {
            Delivery back = putBack;
            if (back != null) {
                // came after the redelivered ones; the session's thread waits in recover/rollback
                putBack = null;
                redelivered.addFirst(back);
            }
            for (int i = redeliveries.size() - 1; i >= 0; i--) {
                redelivered.addFirst(redeliveries.get(i));
            }
            creditOwed.addAndGet(-redeliveries.size());
            if (listener != null) {
                scheduleDispatch();
            }
            changes.signalAll();
        }

        @Override
        public void onClosed(EngineException reason) {
            engineClosed = true;
            changes.signalAll();
        }
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
        return receiveWithin(WaitStrategy.FOREVER, this::handOut);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        if (timeout < 0) {
            throw new JMSException("receive timeout must not be negative: " + timeout);
        }
        return receiveWithin(timeout == 0 ? WaitStrategy.FOREVER : TimeUnit.MILLISECONDS.toNanos(timeout), this::handOut);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receiveWithin(0L, this::handOut);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) throws JMSException {
        long nanos = timeout < 0 ? 0L : timeout == 0 ? WaitStrategy.FOREVER : TimeUnit.MILLISECONDS.toNanos(timeout);
        return receiveWithin(nanos, d -> bodyOrPutBack(d, c));
    }

    /** What a receive makes of the delivery it took. */
    @FunctionalInterface
    private interface HandOut<R> {
        R apply(Delivery d) throws JMSException;
    }

    /**
     * The receive loop: waits for a delivery (while the connection is started) until the timeout
     * ({@link WaitStrategy#FOREVER}, or 0 for no wait), skipping expired ones; null when closed.
     */
    private <R> R receiveWithin(long timeoutNanos, HandOut<R> handOut) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("synchronous receive is not allowed on a consumer with a message listener");
        }
        session.checkSyncReceiveAllowed();
        FerryConnection connection = session.connection();
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0L;
        receivers.incrementAndGet();
        try {
            for (;;) {
                if (closed) {
                    return null;
                }
                if (connection.isStarted()) {
                    Delivery d = nextDelivery();
                    if (d != null) {
                        if (expired(d)) {
                            continue;
                        }
                        return handOut.apply(d);
                    }
                    if (engineClosed) {
                        return null;
                    }
                }
                long left = timeoutNanos < 0 ? WaitStrategy.FOREVER : deadline - System.nanoTime();
                if (timeoutNanos == 0 || (timeoutNanos > 0 && left <= 0)) {
                    return null;
                }
                changes.await(() -> closed || engineClosed || (connection.isStarted() && hasNext()), left, true);
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

    /** The delivery receive put back, else the next local redelivery, else the next buffered one. */
    private Delivery nextDelivery() {
        Delivery d = putBack;
        if (d != null) {
            putBack = null;
            return d;
        }
        d = redelivered.pollFirst();
        return d != null ? d : buffer.poll();
    }

    private boolean hasNext() {
        return putBack != null || !redelivered.isEmpty() || !buffer.isEmpty();
    }

    private Message message(Delivery d) throws JMSException {
        try {
            return Messages.received(d.message(), d.deliveryCount(), session.acknowledgerFor(d));
        } catch (RuntimeException e) {
            putBack = d;
            throw JmsExceptions.toJms(e);
        }
    }

    /** Gives {@code d} to a receiving application thread. */
    private Message handOut(Delivery d) throws JMSException {
        Message m = message(d);
        consumed(d);
        return m;
    }

    /**
     * receiveBody: the body, or the message goes back unacknowledged as this consumer's next one
     * ("Receiving message bodies synchronously").
     */
    private <T> T bodyOrPutBack(Delivery d, Class<T> c) throws JMSException {
        Message m = message(d);
        T body;
        try {
            body = BodyReceivingConsumer.bodyOf(m, c);
        } catch (JMSException | RuntimeException e) {
            putBack = d;
            throw e;
        }
        consumed(d);
        return body;
    }

    private void consumed(Delivery d) {
        SessionEngine acks = session.engine();
        acks.handingOut(d);
        returnCredit(1);
        acks.handedOut(d);
    }

    private boolean expired(Delivery d) {
        MessageData data = d.message();
        if (data.expiration() != 0 && data.isExpired(System.currentTimeMillis())) {
            session.engine().dropExpired(d);
            returnCredit(1);
            return true;
        }
        return false;
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
        if (newListener != null && hasNext()) {
            scheduleDispatch();
        }
    }

    private void scheduleDispatch() {
        if (!dispatchScheduled.get() && dispatchScheduled.compareAndSet(false, true)) {
            session.deliveries().execute(dispatchTask);
        }
    }

    /**
     * On the session's delivery executor: gives up to {@value #DISPATCH_BATCH} messages to the
     * listener, one at a time, stopping early when the consumer closes, the listener changes or
     * the connection stops (the executor is paused); then queues itself again behind the other
     * consumers' turns while more are buffered. The batch saves a task hand-off per message.
     */
    private void dispatchOne() {
        inListener = true;
        try {
            SerialExecutor deliveries = session.deliveries();
            for (int n = 0; n < DISPATCH_BATCH; n++) {
                MessageListener l = listener;
                if (closed || l == null || (n > 0 && deliveries.isPaused())) {
                    break;
                }
                Delivery d = nextDelivery();
                if (d == null) {
                    break;
                }
                deliver(l, d);
            }
        } finally {
            session.engine().flushAcks();
            inListener = false;
            changes.signalAll();
        }
        if (!closed && listener != null && hasNext()) {
            session.deliveries().execute(dispatchTask);
        } else {
            dispatchScheduled.set(false);
            if (!closed && listener != null && hasNext()) {
                scheduleDispatch();
            }
        }
    }

    private void deliver(MessageListener l, Delivery d) {
        if (expired(d)) {
            return;
        }
        SessionEngine acks = session.engine();
        acks.handingOut(d);
        Message m;
        try {
            m = Messages.received(d.message(), d.deliveryCount(), session.acknowledgerFor(d));
        } catch (RuntimeException e) {
            session.connection().reportAsync(e);
            return;
        } finally {
            returnCredit(1);
        }
        RuntimeException threw = null;
        acks.listenerStarting(d);
        try {
            l.onMessage(m);
        } catch (RuntimeException e) {
            threw = e;
            LOG.log(System.Logger.Level.WARNING, "message listener of " + this
                    + " threw: a client programming error (\"Receiving messages asynchronously\")", e);
        }
        acks.listenerReturned(this, d, threw);
        session.afterListener();
    }

    // ---- credit, suspend, redelivery -----------------------------------------------------

    private void returnCredit(int n) {
        if (creditOwed.addAndGet(n) >= creditBatch) {
            int owed = creditOwed.getAndSet(0);
            EngineConsumer e = engine;
            if (owed > 0 && e != null && !engineClosed && !closed) {
                e.credit(owed);
            }
        }
    }

    /** Starts suspending the engine consumer; {@code null} when it is closed. */
    SyncCompletion<Void> suspend() {
        EngineConsumer e = engine;
        if (e == null || closed || engineClosed) {
            return null;
        }
        SyncCompletion<Void> done = new SyncCompletion<>();
        try {
            e.suspend(done);
        } catch (EngineException ex) {
            done.fail(ex);
        }
        return done;
    }

    /** Moves every buffered delivery to {@code into}; returns how many. */
    int drainBuffer(List<Delivery> into) {
        int n = 0;
        Delivery back = putBack;
        if (back != null) {
            putBack = null;
            into.add(back);
            n++;
        }
        for (Delivery d; (d = redelivered.pollFirst()) != null; n++) {
            into.add(d);
        }
        for (Delivery d; (d = buffer.poll()) != null; n++) {
            into.add(d);
        }
        return n;
    }

    /** After recover/rollback: the credit of the handed-back deliveries returns, deliveries resume. */
    void resumeAfterRedelivery(int released) {
        returnCredit(released);
        EngineConsumer e = engine;
        if (e != null && !closed && !engineClosed) {
            e.resume();
        }
    }

    void wakeReceivers() {
        changes.signalAll();
        if (listener != null && hasNext()) {
            scheduleDispatch();
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
        changes.await(() -> receivers.get() == 0 && (ownThread || !inListener), WaitStrategy.FOREVER, false);
        if (listener != null) {
            session.listenerRemoved();
        }
        JMSException failure = null;
        EngineConsumer e = engine;
        if (e != null && !engineClosed) {
            try {
                SyncCompletion.<Void>call(e::close);
            } catch (JMSException ex) {
                failure = ex;
            }
        }
        List<Delivery> unseen = new ArrayList<>();
        drainBuffer(unseen);
        try {
            session.engine().releaseUnseen(unseen);
        } catch (JMSException ex) {
            failure = failure == null ? ex : failure;
        }
        session.removeConsumer(this);
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
