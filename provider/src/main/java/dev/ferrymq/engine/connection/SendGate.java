package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.engine.queue.QueueLimits;
import dev.ferrymq.spi.EngineException;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;

/**
 * Holds back one session's sends (and commits) while a queue they go to is full
 * ({@link dev.ferrymq.engine.queue.QueueLimits}), without blocking any thread: a held send's completion simply waits, so
 * the facade's synchronous send blocks its caller and an asynchronous send's CompletionListener
 * fires later. Sends leave in call order: while one is held, every later send of the session
 * queues behind it, whatever its destination. A held send proceeds once its queues have room,
 * fails with RESOURCE_ALLOCATION when a queue it meets is full under {@code fullPolicy=fail}, or
 * when its {@code sendTimeout} passes.
 *
 * <p>Threading contract: {@link #submit} and {@link #failAll} are called by the session's
 * (serialized) callers. The hot path (nothing held, room in the queues) proceeds on the caller's
 * thread. Everything about held sends — letting them go, timing them out, failing them at close,
 * the wake-up when a queue frees room — runs on the gate's own serial executor, their one owner;
 * the caller only appends to the held list, which keeps the call order.
 */
final class SendGate {

    /** A send or a commit that needs room in the queues it goes to. */
    interface Attempt {
        /** A queue it would go to that is full now, or {@code null}. */
        QueueLimits blockedOn();

        /** Carries it out (there is room). */
        void proceed();

        /** Fails it; {@code error} says which queue was full. */
        void fail(EngineException error);

        /**
         * Milliseconds it may wait when it is held behind an earlier held send of the session (the
         * sendTimeout of its destination); 0: without limit. Only asked on that slow path.
         */
        long sendTimeout();
    }

    /** A held attempt; its mutable fields are confined to the gate's executor. */
    private static final class Held {
        final Attempt attempt;
        final long since;
        /** Set before the held attempt is published to the executor. */
        ScheduledFuture<?> timer;
        QueueLimits blockedOn;
        boolean settled;

        Held(Attempt attempt, long since, QueueLimits blockedOn) {
            this.attempt = attempt;
            this.since = since;
            this.blockedOn = blockedOn;
        }
    }

    private final EngineRuntime runtime;
    private final SerialExecutor owner;
    /** Appended by callers, in call order; everything else on {@link #owner}. */
    private final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    /** The queue whose waiters list holds this gate's waker, or {@code null}; on {@link #owner}. */
    private QueueLimits waitingOn;

    SendGate(EngineRuntime runtime) {
        this.runtime = runtime;
        this.owner = runtime.newSerialExecutor();
    }

    /**
     * Carries {@code attempt} out now when nothing of this session is held and its queues have
     * room (the hot path: one emptiness check and the queues' counters), fails it at once on a
     * full queue under {@code fullPolicy=fail}, otherwise holds it.
     */
    void submit(Attempt attempt) {
        QueueLimits full = null;
        long timeout;
        if (held.isEmpty()) {
            full = attempt.blockedOn();
            if (full == null) {
                attempt.proceed();
                return;
            }
            if (!full.config().block()) {
                attempt.fail(full.fullError());
                return;
            }
            timeout = full.config().sendTimeout();
        } else {
            timeout = attempt.sendTimeout();
        }
        Held h = new Held(attempt, System.nanoTime(), full);
        if (timeout > 0) {
            h.timer = runtime.schedule(() -> owner.execute(() -> timedOut(h)), timeout);
        }
        held.add(h);
        owner.execute(this::drain);
    }

    /** Whether a send of this session is held (for tests and diagnostics). */
    boolean holding() {
        return !held.isEmpty();
    }

    /** Fails every held send, e.g. when the session closes. */
    void failAll(EngineException error) {
        owner.execute(() -> {
            Held h;
            while ((h = held.poll()) != null) {
                settle(h, error);
            }
        });
    }

    private void timedOut(Held h) {
        assert owner.isCurrentThread();
        QueueLimits q = h.blockedOn;
        long waited = (System.nanoTime() - h.since) / 1_000_000;
        settle(h, q != null ? q.timeoutError(waited) : new EngineException(
                EngineException.Kind.RESOURCE_ALLOCATION, "send timed out after " + waited
                + " ms waiting behind an earlier send of the same session that waits for space in a full queue"));
        drain();
    }

    private void settle(Held h, EngineException error) {
        if (!h.settled) {
            h.settled = true;
            cancelTimer(h);
            h.attempt.fail(error);
        }
    }

    private static void cancelTimer(Held h) {
        ScheduledFuture<?> t = h.timer;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** Lets the held sends go, in order, while their queues have room. */
    private void drain() {
        assert owner.isCurrentThread() : "held sends are let go on the gate's executor only";
        Held h;
        while ((h = held.peek()) != null) {
            if (h.settled) {
                held.poll();
                continue;
            }
            QueueLimits full = h.attempt.blockedOn();
            if (full == null) {
                h.settled = true;
                cancelTimer(h);
                h.attempt.proceed();
                held.poll();
                continue;
            }
            h.blockedOn = full;
            if (!full.config().block()) {
                settle(h, full.fullError());
                held.poll();
                continue;
            }
            if (waitingOn != full) {
                waitingOn = full;
                full.await(() -> owner.execute(() -> woken(full)));
            }
            return;
        }
    }

    private void woken(QueueLimits q) {
        if (waitingOn == q) {
            waitingOn = null;
        }
        drain();
    }
}
