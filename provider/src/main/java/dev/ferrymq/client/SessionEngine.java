package dev.ferrymq.client;

import dev.ferrymq.client.util.JmsExceptions;
import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.ReleaseReason;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A session's engine side as the facade drives it: every {@link EngineSession} call goes through
 * here under one short lock (the SPI asks the facade to serialize a session's calls, and
 * concurrent misuse of a session must not corrupt the engine), and here live the session's
 * acknowledgement rules ("Message acknowledgment"): AUTO/DUPS_OK acknowledge each message once the
 * application has it (a listener's, at the end of its delivery turn: {@link #flushAcks}), CLIENT
 * and transacted sessions keep what the application consumed until acknowledge/commit,
 * recover/rollback hand it back (redelivered locally, before what the consumers prefetched:
 * {@link EngineSession#redeliver}); INDIVIDUAL (FerryMQ extension)
 * acknowledges one message at a time. Every hand-back tells the engine why
 * ({@link ReleaseReason}), for its redelivery policy and the dead-letter properties, with the
 * text of each handed-back delivery's listener failure: AUTO/DUPS_OK redeliver a delivery whose
 * listener threw at once, with its failure; CLIENT, INDIVIDUAL and transacted sessions keep it
 * ("Receiving messages asynchronously"), so its failure is remembered with it and goes with the
 * later recover, rollback or close, in the same call as the other deliveries (which keeps their
 * order), each delivery with its own failure or none ({@link ListenerFailures}). Acknowledging or
 * committing a delivery forgets its failure. A listener that threw after its delivery was already handed back (it
 * called recover itself) leaves nothing behind.
 *
 * <p>Thread-safe. Blocking calls wait outside the lock. Acknowledge, recover, commit and rollback
 * are serialized among themselves by a second lock, so an application may call acknowledge or
 * recover from a thread other than the delivery thread (FerryMQ extension) without a message
 * being both acknowledged and redelivered, or neither. That lock covers taking the deliveries and
 * starting the engine call, which keeps their order at the engine; acknowledge and commit wait for
 * the engine (a stored message's fsync) after releasing it.
 */
final class SessionEngine {

    private final EngineSession engine;
    private final AckMode ackMode;
    /** The connection's report of failures no call waits for (its exception listener). */
    private final Consumer<Throwable> reportAsync;
    private final ReentrantLock lock = new ReentrantLock();
    /** Serializes acknowledge, recover, commit and rollback; never held on the hot path of AUTO. */
    private final ReentrantLock ackLock = new ReentrantLock();
    private final Unacknowledged unacked = new Unacknowledged();
    /**
     * CLIENT, INDIVIDUAL and transacted: the listener failures of deliveries still unacknowledged.
     * Guarded by {@code ackLock}, like taking from {@code unacked}.
     */
    private final ListenerFailures failures = new ListenerFailures();
    private final Completion<Void> ackOutcome;
    /** AUTO/DUPS_OK: deliveries whose listener returned, acknowledged by {@link #flushAcks}; guarded by {@code lock}. */
    private final List<Delivery> pendingAcks = new ArrayList<>();
    /** AUTO/DUPS_OK: the delivery a listener is processing; only touched on the session's delivery thread. */
    private Delivery inFlight;
    private boolean inFlightReleased;

    /**
     * @param reportAsync where failures go that no call waits for (an AUTO acknowledgement's): the
     *                    connection's exception listener; called from any thread, must not block
     */
    SessionEngine(EngineSession engine, AckMode ackMode, Consumer<Throwable> reportAsync) {
        this.engine = engine;
        this.ackMode = ackMode;
        this.reportAsync = reportAsync;
        this.ackOutcome = new Completion<>() {
            @Override
            public void complete(Void result) {
            }

            @Override
            public void fail(EngineException error) {
                reportAsync.accept(error);
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

    boolean individual() {
        return ackMode == AckMode.INDIVIDUAL;
    }

    /** Before the application sees {@code d} (receive or listener). */
    void handingOut(Delivery d) {
        if (ackMode == AckMode.INDIVIDUAL) {
            unacked.addIndividual(d);
        } else if (!autoAcknowledges()) {
            unacked.add(d);
        }
    }

    /**
     * INDIVIDUAL_ACKNOWLEDGE: acknowledges {@code d} alone; nothing when it was acknowledged or
     * handed back already.
     */
    void acknowledgeOne(Delivery d) throws JMSException {
        SyncCompletion<Void> done = new SyncCompletion<>();
        ackLock.lock();
        try {
            if (!unacked.takeIndividual(d)) {
                return;
            }
            failures.forget(d);
            start((e, c) -> e.acknowledge(d, c), done);
        } finally {
            ackLock.unlock();
        }
        done.await();
    }

    /** After receive returned {@code d} to the application. */
    void handedOut(Delivery d) {
        if (autoAcknowledges()) {
            acknowledgeAsync(d);
        }
    }

    /** An expired delivery the engine let through: never shown; the engine moves it to its expiry queue or drops it. */
    void dropExpired(Delivery d) {
        lock.lock();
        try {
            engine.release(List.of(d), EXPIRED, ackOutcome);
        } catch (RuntimeException e) {
            reportAsync.accept(e);
        } finally {
            lock.unlock();
        }
    }

    private static final ReleaseReason EXPIRED = ReleaseReason.of(ReleaseReason.Cause.EXPIRED);

    private void acknowledgeAsync(Delivery d) {
        lock.lock();
        try {
            engine.acknowledge(d, ackOutcome);
        } catch (RuntimeException e) {
            reportAsync.accept(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * AUTO/DUPS_OK: sends the acknowledgements of the messages whose listeners returned in this
     * turn of the delivery thread, as one engine call (one task per queue instead of one per
     * message). Called at the end of every turn and before the session's engine side closes, so
     * no acknowledged message comes back; like every AUTO acknowledgement it does not wait.
     */
    void flushAcks() {
        lock.lock();
        try {
            int n = pendingAcks.size();
            if (n == 0) {
                return;
            }
            List<Delivery> batch = n == 1 ? List.of(pendingAcks.get(0)) : new ArrayList<>(pendingAcks);
            pendingAcks.clear();
            engine.acknowledge(batch, ackOutcome);
        } catch (RuntimeException e) {
            reportAsync.accept(e);
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
     * redelivered, with the failure ("Receiving messages asynchronously"). CLIENT, INDIVIDUAL and
     * transacted: {@code d} stays unacknowledged; when the listener threw, its failure is
     * remembered with {@code d} for the later recover, rollback or close.
     */
    void listenerReturned(Delivery d, RuntimeException thrown) {
        boolean threw = thrown != null;
        if (!autoAcknowledges()) {
            if (threw) {
                rememberFailure(d, ReleaseReason.describe(thrown));
            }
            return;
        }
        boolean released = inFlightReleased;
        inFlight = null;
        inFlightReleased = false;
        if (released) {
            return;
        }
        if (!threw) {
            lock.lock();
            try {
                pendingAcks.add(d);
            } finally {
                lock.unlock();
            }
            return;
        }
        ackLock.lock();
        try {
            List<Delivery> one = List.of(d);
            ReleaseReason reason = new ReleaseReason(ReleaseReason.Cause.LISTENER_FAILURE, ReleaseReason.describe(thrown));
            run((e, done) -> e.redeliver(one, reason, done));
        } catch (JMSException e) {
            reportAsync.accept(e);
        } finally {
            ackLock.unlock();
        }
    }

    /**
     * Remembers {@code failure} for {@code d} while the session still holds it: not when the
     * listener handed it back itself (recover) or acknowledged it (INDIVIDUAL) before throwing.
     */
    private void rememberFailure(Delivery d, String failure) {
        ackLock.lock();
        try {
            if (unacked.holds(d)) {
                failures.remember(d, failure);
            }
        } finally {
            ackLock.unlock();
        }
    }

    // ---- acknowledge, recover, commit, rollback ----------------------------------------------

    /** CLIENT_ACKNOWLEDGE (and JMSContext.acknowledge in INDIVIDUAL): acknowledges everything the session consumed. */
    void acknowledgeAll() throws JMSException {
        if (ackMode != AckMode.CLIENT && ackMode != AckMode.INDIVIDUAL) {
            return;
        }
        SyncCompletion<Void> done = new SyncCompletion<>();
        ackLock.lock();
        try {
            List<Delivery> all = unacked.drain();
            failures.take();
            if (all.isEmpty()) {
                return;
            }
            start((e, c) -> e.acknowledge(all, c), done);
        } finally {
            ackLock.unlock();
        }
        done.await();
    }

    /**
     * Recover: every consumed, unacknowledged message is redelivered (marked redelivered), prefetched
     * ones come back unchanged. From inside a listener in AUTO/DUPS_OK, the message being processed
     * counts as unacknowledged.
     */
    void recover(boolean onDeliveryThread) throws JMSException {
        ackLock.lock();
        try {
            List<Delivery> seen = unacked.drain();
            if (onDeliveryThread && inFlight != null && !inFlightReleased) {
                seen.add(inFlight);
                inFlightReleased = true;
            }
            Map<Delivery, String> failed = failures.take();
            if (!seen.isEmpty()) {
                ReleaseReason reason = ListenerFailures.reason(ReleaseReason.Cause.RECOVER, failed);
                run((e, done) -> e.redeliver(seen, reason, done));
            }
        } finally {
            ackLock.unlock();
        }
    }

    /** Rollback, one engine call: sent messages are discarded, consumed ones redelivered. */
    void rollback() throws JMSException {
        ackLock.lock();
        try {
            List<Delivery> consumed = unacked.drain();
            ReleaseReason reason = ListenerFailures.reason(ReleaseReason.Cause.ROLLBACK, failures.take());
            run((e, done) -> e.rollback(consumed, reason, done));
        } finally {
            ackLock.unlock();
        }
    }

    /**
     * Commit; on failure the engine has rolled the transaction back (consumed messages
     * redelivered, without the listener failures: the SPI's commit takes no reason) and the
     * failure, TransactionRolledBackException, is thrown.
     */
    void commit() throws JMSException {
        SyncCompletion<Void> done = new SyncCompletion<>();
        ackLock.lock();
        try {
            List<Delivery> consumed = unacked.drain();
            failures.take();
            start((e, c) -> e.commit(consumed, c), done);
        } finally {
            ackLock.unlock();
        }
        done.await();
    }

    /** Hands back deliveries the application never saw (a closing consumer's prefetch). */
    void releaseUnseen(List<Delivery> unseen) throws JMSException {
        if (!unseen.isEmpty()) {
            run((e, done) -> e.releaseUnseen(unseen, done));
        }
    }

    /**
     * Closes the engine session: it rolls back an open transaction and releases what is
     * unacknowledged (marked redelivered, each with its listener failure).
     */
    void close() throws JMSException {
        flushAcks();
        ackLock.lock();
        try {
            List<Delivery> seen = unacked.drain();
            ReleaseReason reason = ListenerFailures.reason(ReleaseReason.Cause.CLOSE, failures.take());
            if (!seen.isEmpty()) {
                try {
                    run((e, done) -> e.release(seen, reason, done));
                } catch (JMSException ignored) {
                    // the engine session's close below releases them anyway
                }
            }
        } finally {
            ackLock.unlock();
        }
        run(EngineSession::close);
    }
}
