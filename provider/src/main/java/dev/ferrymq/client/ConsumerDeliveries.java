package dev.ferrymq.client;

import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * What becomes of a consumer's buffered deliveries once taken from its {@link DeliveryBuffer}:
 * handed out to a receiving application thread (made into its JMS message, entered in the
 * session's acknowledgement bookkeeping, {@link SessionEngine#handingOut}/{@link SessionEngine#handedOut}),
 * given back as the consumer's next one when receiveBody cannot return its body, dropped unseen when
 * expired, handed back unseen when the connection stopped or the consumer closes; and the credit
 * each of them frees going back to the engine ({@link ConsumerEngineSide#returnCredit}). A delivery
 * that cannot be made into a message goes back to the engine as a failed attempt
 * ({@link UnreadableDeliveries}) and its credit returns.
 *
 * <p>It knows its consumer only as an {@code Object} naming it in reports, so it never calls back
 * into {@link FerryMessageConsumer} (no class cycle).
 *
 * <p>Threading: no state and no lock of its own. {@link #handOut}, {@link #bodyOrPutBack} and
 * {@link #expired} run on the one thread taking from the buffer (the receiving application thread,
 * or for {@link #expired} also the session's delivery thread running the listener turn), like
 * {@link DeliveryBuffer#next}; {@link #handBackPrefetched} and {@link #releaseBuffered} run after
 * the connection's stop or the consumer's close, when no receive or listener takes any more. The
 * {@link SessionEngine} calls take that class's locks as before ({@code lock} for an AUTO/DUPS_OK
 * acknowledgement or an expiry; neither is held here across calls).
 */
final class ConsumerDeliveries {
    private final ConsumerSession session;
    private final Object consumer;
    private final DeliveryBuffer buffer;
    private final ConsumerEngineSide engineSide;

    /** @param consumer the consumer these deliveries are for, only to name it in reports ({@code toString}) */
    ConsumerDeliveries(ConsumerSession session, Object consumer, DeliveryBuffer buffer, ConsumerEngineSide engineSide) {
        this.session = session;
        this.consumer = consumer;
        this.buffer = buffer;
        this.engineSide = engineSide;
    }

    /**
     * The message for {@code d}; one that cannot be made goes back to the engine as a failed
     * attempt, its credit returns and the JMSException naming it is thrown, so the next receive
     * gets the next message ({@link UnreadableDeliveries}).
     */
    private Message message(Delivery d) throws JMSException {
        try {
            return UnreadableDeliveries.message(session, consumer, d);
        } catch (JMSException unreadable) {
            returnCredit(1);
            throw unreadable;
        }
    }

    /** Gives {@code d} to a receiving application thread. */
    Message handOut(Delivery d) throws JMSException {
        Message m = message(d);
        consumed(d);
        return m;
    }

    /**
     * receiveBody: the body, or the message goes back unacknowledged as this consumer's next one
     * ("Receiving message bodies synchronously").
     */
    <T> T bodyOrPutBack(Delivery d, Class<T> c) throws JMSException {
        Message m = message(d);
        T body;
        try {
            body = BodyReceivingConsumer.bodyOf(m, c);
        } catch (JMSException | RuntimeException e) {
            buffer.putBack(d);
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

    /** Whether {@code d} expired; if so it is dropped (never shown) and its credit returns. */
    boolean expired(Delivery d) {
        MessageData data = d.message();
        if (data.expiration() != 0 && data.isExpired(System.currentTimeMillis())) {
            session.engine().dropExpired(d);
            returnCredit(1);
            return true;
        }
        return false;
    }

    /** The application consumed {@code n} (or they expired): their credit goes back in batches. */
    void returnCredit(int n) {
        engineSide.returnCredit(n);
    }

    /**
     * After the connection stopped and the engine consumer is suspended: hands what it prefetched
     * and did not deliver back to the queue unseen (unmarked, delivery count unchanged), so the
     * queue's other consumers get it at once; the credit returns for when the connection starts.
     */
    void handBackPrefetched() throws JMSException {
        List<Delivery> unseen = new ArrayList<>();
        int n = buffer.drainTo(unseen);
        if (n > 0) {
            session.engine().releaseUnseen(unseen);
            returnCredit(n);
        }
    }

    /** The consumer closed: hands every buffered delivery back unseen; no credit returns. */
    void releaseBuffered() throws JMSException {
        List<Delivery> unseen = new ArrayList<>();
        buffer.drainTo(unseen);
        session.engine().releaseUnseen(unseen);
    }
}
