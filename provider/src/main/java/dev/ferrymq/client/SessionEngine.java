package dev.ferrymq.client;

import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * A session's engine side as the facade drives it: every {@link EngineSession} call goes through
 * here under one short lock (the SPI asks the facade to serialize a session's calls, and
 * concurrent misuse of a session must not corrupt the engine), and here live the session's
 * acknowledgement rules ("Message acknowledgment"): AUTO/DUPS_OK acknowledge each message once the
 * application has it, CLIENT and transacted sessions keep what the application consumed until
 * acknowledge/commit, recover/rollback hand everything back.
 *
 * <p>Thread-safe. Blocking calls wait outside the lock.
 */
final class SessionEngine {

    private final EngineSession engine;
    private final AckMode ackMode;
    private final FerryConnection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** CLIENT_ACKNOWLEDGE and transacted: deliveries the application consumed, not yet acknowledged. */
    private final Queue<Delivery> unacked = new ConcurrentLinkedQueue<>();
    private final Completion<Void> ackOutcome;
    /** AUTO/DUPS_OK: the delivery a listener is processing; only touched on the session's delivery thread. */
    private Delivery inFlight;
    private boolean inFlightReleased;

    SessionEngine(EngineSession engine, AckMode ackMode, FerryConnection connection) {
        this.engine = engine;
        this.ackMode = ackMode;
        this.connection = connection;
        this.ackOutcome = new Completion<>() {
            @Override
            public void complete(Void result) {
            }

            @Override
            public void fail(EngineException error) {
                connection.reportAsync(error);
            }
        };
    }

    boolean autoAcknowledges() {
        return ackMode == AckMode.AUTO || ackMode == AckMode.DUPS_OK;
    }

    /** A blocking engine call, translated. */
    <T> T call(BiConsumer<EngineSession, Completion<T>> op) throws JMSException {
        SyncCompletion<T> done = new SyncCompletion<>();
        start(op, done);
        return done.await();
    }

    /** A blocking engine call without result, translated. */
    void run(BiConsumer<EngineSession, Completion<Void>> op) throws JMSException {
        call(op);
    }

    /** Starts an engine call without waiting for it. */
    <T> void start(BiConsumer<EngineSession, Completion<T>> op, Completion<T> done) throws JMSException {
        lock.lock();
        try {
            op.accept(engine, done);
        } catch (RuntimeException e) {
            throw JmsExceptions.toJms(e);
        } finally {
            lock.unlock();
        }
    }

    /** Hot path: starts a send. */
    void send(MessageData data, Completion<Void> done) throws JMSException {
        lock.lock();
        try {
            engine.send(data, done);
        } catch (RuntimeException e) {
            throw JmsExceptions.toJms(e);
        } finally {
            lock.unlock();
        }
    }

    // ---- the application consumes -----------------------------------------------------------

    /** Before the application sees {@code d} (receive or listener). */
    void handingOut(Delivery d) {
        if (!autoAcknowledges()) {
            unacked.add(d);
        }
    }

    /** After receive returned {@code d} to the application. */
    void handedOut(Delivery d) {
        if (autoAcknowledges()) {
            acknowledgeAsync(d);
        }
    }

    /** An expired delivery the engine let through: consumed for good, never shown. */
    void dropExpired(Delivery d) {
        acknowledgeAsync(d);
    }

    private void acknowledgeAsync(Delivery d) {
        lock.lock();
        try {
            engine.acknowledge(d, ackOutcome);
        } catch (RuntimeException e) {
            connection.reportAsync(e);
        } finally {
            lock.unlock();
        }
    }

    /** A listener is about to process {@code d} (delivery thread). */
    void listenerStarting(Delivery d) {
        if (autoAcknowledges()) {
            inFlight = d;
            inFlightReleased = false;
        }
    }

    /**
     * A listener returned (delivery thread). AUTO/DUPS_OK: acknowledges {@code d}, unless recover
     * already handed it back, or the listener threw: then it is redelivered at once, marked
     * redelivered ("Receiving messages asynchronously"). CLIENT and transacted: nothing to do.
     */
    void listenerReturned(FerryMessageConsumer consumer, Delivery d, boolean threw) {
        if (!autoAcknowledges()) {
            return;
        }
        boolean released = inFlightReleased;
        inFlight = null;
        inFlightReleased = false;
        if (released) {
            return;
        }
        if (!threw) {
            acknowledgeAsync(d);
            return;
        }
        try {
            redeliver(List.of(consumer), new ArrayList<>(List.of(d)), false);
        } catch (JMSException e) {
            connection.reportAsync(e);
        }
    }

    // ---- acknowledge, recover, commit, rollback ----------------------------------------------

    /** CLIENT_ACKNOWLEDGE: acknowledges everything the session consumed. */
    void acknowledgeAll() throws JMSException {
        if (ackMode != AckMode.CLIENT) {
            return;
        }
        List<Delivery> all = drainUnacked();
        if (!all.isEmpty()) {
            run((e, done) -> e.acknowledge(all, done));
        }
    }

    /**
     * Recover: every consumed, unacknowledged message is redelivered (marked redelivered), prefetched
     * ones come back unchanged. From inside a listener in AUTO/DUPS_OK, the message being processed
     * counts as unacknowledged.
     */
    void recover(Collection<FerryMessageConsumer> consumers, boolean onDeliveryThread) throws JMSException {
        List<Delivery> seen = drainUnacked();
        if (onDeliveryThread && inFlight != null && !inFlightReleased) {
            seen.add(inFlight);
            inFlightReleased = true;
        }
        redeliver(consumers, seen, false);
    }

    /** Rollback: sent messages are discarded, consumed ones redelivered. */
    void rollback(Collection<FerryMessageConsumer> consumers) throws JMSException {
        redeliver(consumers, drainUnacked(), true);
    }

    /**
     * Commit; on failure the transaction is rolled back (consumed messages redelivered) and the
     * failure, TransactionRolledBackException, thrown.
     */
    void commit(Collection<FerryMessageConsumer> consumers) throws JMSException {
        List<Delivery> consumed = drainUnacked();
        try {
            run((e, done) -> e.commit(consumed, done));
        } catch (jakarta.jms.TransactionRolledBackException e) {
            try {
                redeliver(consumers, consumed, true);
            } catch (JMSException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    /**
     * Stops the consumers, hands back what they hold unseen (delivered=false) and {@code seen}
     * (delivered=true, or through rollback), then restarts them.
     */
    private void redeliver(Collection<FerryMessageConsumer> consumers, List<Delivery> seen, boolean rollback)
            throws JMSException {
        List<FerryMessageConsumer> suspended = new ArrayList<>(consumers.size());
        List<SyncCompletion<Void>> suspends = new ArrayList<>(consumers.size());
        for (FerryMessageConsumer c : consumers) {
            SyncCompletion<Void> s = c.suspend();
            if (s != null) {
                suspended.add(c);
                suspends.add(s);
            }
        }
        JMSException failure = null;
        for (SyncCompletion<Void> s : suspends) {
            try {
                s.await();
            } catch (JMSException e) {
                failure = failure == null ? e : failure;
            }
        }
        List<Delivery> unseen = new ArrayList<>();
        int[] counts = new int[suspended.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = suspended.get(i).drainBuffer(unseen);
        }
        try {
            if (!unseen.isEmpty()) {
                run((e, done) -> e.release(unseen, false, done));
            }
            if (rollback) {
                run((e, done) -> e.rollback(seen, done));
            } else if (!seen.isEmpty()) {
                run((e, done) -> e.release(seen, true, done));
            }
        } finally {
            for (int i = 0; i < counts.length; i++) {
                suspended.get(i).resumeAfterRedelivery(counts[i]);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Hands back deliveries the application never saw (a closing consumer's prefetch). */
    void releaseUnseen(List<Delivery> unseen) throws JMSException {
        if (!unseen.isEmpty()) {
            run((e, done) -> e.release(unseen, false, done));
        }
    }

    private List<Delivery> drainUnacked() {
        List<Delivery> all = new ArrayList<>();
        for (Delivery d; (d = unacked.poll()) != null; ) {
            all.add(d);
        }
        return all;
    }

    /** Closes the engine session: it rolls back an open transaction and releases what is unacknowledged. */
    void close() throws JMSException {
        unacked.clear();
        run(EngineSession::close);
    }
}
