package dev.ferrymq.client;

import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import jakarta.jms.JMSException;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A consumer's engine side as the facade drives it: the {@link EngineConsumer} once created,
 * resumed or suspended to follow its connection ("Pausing delivery of incoming messages"), the
 * credit the application gives back, in batches of half the window, and whether the engine closed
 * it on its own. {@link FerryMessageConsumer} owns one; the deliveries themselves stay there.
 *
 * <p>Thread-safe. What it tells the engine about suspension (start, stop) is ordered by one lock,
 * held only to issue those asynchronous calls, never while waiting; credit is lock-free.
 */
final class ConsumerEngineSide {

    private final int creditBatch;
    private final BooleanSupplier consumerClosed;
    private final BooleanSupplier connectionStarted;
    private final AtomicInteger creditOwed = new AtomicInteger();
    private final ReentrantLock runLock = new ReentrantLock();
    /** Whether the engine consumer was last told to suspend; guarded by {@link #runLock}. */
    private boolean suspended;
    private volatile EngineConsumer engine;
    private volatile boolean closedByEngine;

    /**
     * @param window            the credit window (prefetch)
     * @param consumerClosed    whether the application closed the consumer; lock-free, any thread
     * @param connectionStarted whether the connection is started; lock-free, any thread
     */
    ConsumerEngineSide(int window, BooleanSupplier consumerClosed, BooleanSupplier connectionStarted) {
        this.creditBatch = Math.max(1, window / 2);
        this.consumerClosed = consumerClosed;
        this.connectionStarted = connectionStarted;
    }

    /** The engine made the consumer, suspended or not. */
    void opened(EngineConsumer created, boolean createdSuspended) {
        runLock.lock();
        try {
            engine = created;
            suspended = createdSuspended;
        } finally {
            runLock.unlock();
        }
    }

    /** Whether the engine closed the consumer on its own. */
    boolean isClosedByEngine() {
        return closedByEngine;
    }

    void markClosedByEngine() {
        closedByEngine = true;
    }

    /** {@code n} deliveries came back for redelivery: they used their credit already. */
    void redelivered(int n) {
        creditOwed.addAndGet(-n);
    }

    /** The application consumed {@code n} (or they expired): their credit goes back in batches. */
    void returnCredit(int n) {
        if (creditOwed.addAndGet(n) >= creditBatch) {
            int owed = creditOwed.getAndSet(0);
            EngineConsumer e = engine;
            if (owed > 0 && e != null && !closedByEngine && !consumerClosed.getAsBoolean()) {
                e.credit(owed);
            }
        }
    }

    /**
     * Makes the engine consumer follow the connection: resumed while it is started, suspended
     * while it is stopped. Returns the suspension when this call started one (for the caller to
     * await and then hand back what was prefetched), else {@code null}.
     */
    SyncCompletion<Void> followConnection() {
        runLock.lock();
        try {
            EngineConsumer e = engine;
            if (e == null || consumerClosed.getAsBoolean() || closedByEngine) {
                return null;
            }
            boolean started = connectionStarted.getAsBoolean();
            if (started && suspended) {
                suspended = false;
                e.resume();
            } else if (!started && !suspended) {
                suspended = true;
                return suspend(e);
            }
            return null;
        } finally {
            runLock.unlock();
        }
    }

    private static SyncCompletion<Void> suspend(EngineConsumer e) {
        SyncCompletion<Void> done = new SyncCompletion<>();
        try {
            e.suspend(done);
        } catch (EngineException ex) {
            done.fail(ex);
        }
        return done;
    }

    /** Closes the engine consumer and waits for it, unless it was never made or the engine closed it. */
    void close() throws JMSException {
        EngineConsumer e = engine;
        if (e != null && !closedByEngine) {
            SyncCompletion.<Void>call(e::close);
        }
    }
}
