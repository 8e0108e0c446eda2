package dev.ferrymq.client;

import dev.ferrymq.client.util.SerialExecutor;
import dev.ferrymq.spi.Delivery;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A consumer's message-listener turns on its session's delivery executor ("Receiving messages
 * asynchronously"): at most one turn of a consumer is queued or running at a time; a turn gives
 * up to {@value #DISPATCH_BATCH} messages to the listener, one at a time, then queues itself again
 * behind the other consumers' turns while more are buffered. The batch saves a task hand-off per
 * message; the turn's AUTO/DUPS_OK acknowledgements go to the engine as one call at its end.
 *
 * <p>Threading: {@link #schedule} from any thread (lock-free, allocation-free); turns run on the
 * session's delivery executor, so never concurrently with another listener of the session.
 */
final class ListenerTurns {
    /** The consumer's logger, by name: a throwing listener is news about the consumer. */
    private static final System.Logger LOG = System.getLogger("dev.ferrymq.client.FerryMessageConsumer");

    /** Messages a listener gets per turn on the session's delivery executor. */
    private static final int DISPATCH_BATCH = 16;

    private final Owner consumer;
    private final ConsumerSession session;
    private final DeliveryBuffer buffer;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable turn = this::turn;
    private volatile boolean inListener;

    /**
     * The consumer whose listener the turns feed, as they see it. Its {@code toString} names the
     * consumer in the log when its listener throws.
     *
     * <p>Threading: called on the session's delivery thread; no method blocks.
     */
    interface Owner {
        /** The current listener, or {@code null}. */
        MessageListener listener();

        boolean isClosed();

        /** Whether {@code d} expired; if so it is dropped (never shown) and its credit returns. */
        boolean expired(Delivery d);

        /** The listener consumed {@code n}: their credit goes back to the engine. */
        void returnCredit(int n);

        /** A turn ended: wakes whoever waits for one (the consumer's close). */
        void turnEnded();
    }

    /**
     * @param consumer the consumer fed
     * @param session  its session, whose delivery executor runs the turns
     * @param buffer   the consumer's buffer the turns take from
     */
    ListenerTurns(Owner consumer, ConsumerSession session, DeliveryBuffer buffer) {
        this.consumer = consumer;
        this.session = session;
        this.buffer = buffer;
    }

    /** Whether a turn is running now (its listener may be running). */
    boolean inListener() {
        return inListener;
    }

    /** Queues a turn unless one is queued or running. */
    void schedule() {
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            session.deliveries().execute(turn);
        }
    }

    /**
     * On the session's delivery executor: one turn, stopping early when the consumer closes, the
     * listener changes or the connection stops (the executor is paused).
     */
    private void turn() {
        inListener = true;
        try {
            SerialExecutor deliveries = session.deliveries();
            for (int n = 0; n < DISPATCH_BATCH; n++) {
                MessageListener l = consumer.listener();
                if (consumer.isClosed() || l == null || (n > 0 && deliveries.isPaused())
                        || session.connection().isClosedByProvider()) {
                    break;
                }
                Delivery d = buffer.next();
                if (d == null) {
                    break;
                }
                deliver(l, d);
            }
        } finally {
            session.engine().flushAcks();
            inListener = false;
            consumer.turnEnded();
        }
        if (wantsMore()) {
            session.deliveries().execute(turn);
        } else {
            scheduled.set(false);
            if (wantsMore()) {
                schedule();
            }
        }
    }

    private boolean wantsMore() {
        return !consumer.isClosed() && consumer.listener() != null && buffer.hasNext()
                && !session.connection().isClosedByProvider();
    }

    /**
     * Gives {@code d} to the listener; a delivery that cannot be made into a message goes back to
     * the engine as a failed attempt ({@link UnreadableDeliveries}) and the connection's
     * ExceptionListener hears of it; the listener gets the next one.
     */
    private void deliver(MessageListener l, Delivery d) {
        if (consumer.expired(d)) {
            return;
        }
        Message m;
        try {
            m = UnreadableDeliveries.message(session, consumer, d);
        } catch (JMSException unreadable) {
            session.connection().reportAsync(unreadable);
            return;
        } finally {
            consumer.returnCredit(1);
        }
        SessionEngine acks = session.engine();
        acks.handingOut(d);
        RuntimeException threw = null;
        acks.listenerStarting(d);
        try {
            l.onMessage(m);
        } catch (RuntimeException e) {
            threw = e;
            LOG.log(System.Logger.Level.WARNING, "message listener of " + consumer
                    + " threw: a client programming error (\"Receiving messages asynchronously\")", e);
        }
        acks.listenerReturned(d, threw);
    }
}
