package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.spi.EngineException;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds back one session's sends (and commits) while a queue they go to is full
 * ({@link dev.ferrymq.engine.queue.QueueLimits}), without blocking any thread: a held send's completion simply waits, so
 * the facade's synchronous send blocks its caller and an asynchronous send's CompletionListener
 * fires later. Sends leave in call order: while one is held, every later send of the session
 * queues behind it, whatever its destination. A held send proceeds once its queues have room,
 * fails with RESOURCE_ALLOCATION when a queue it meets is full under {@code fullPolicy=fail}, or
 * when its {@code sendTimeout} passes.
 *
 * <p>Threading contract: lock-free. {@link #submit} is called by the session's (serialized)
 * callers; held sends are retried on the broker's pool when a queue frees room, and timed out
 * from the scheduler through the pool. Each held send proceeds or fails exactly once.
 */
final class SendGate {

    /** A send or a commit that needs room in the queues it goes to. */
    interface Attempt {
        /** A queue it would go to that is full now, or {@code null}. */
        MessageQueue blockedOn();

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

    private static final class Held {
        final Attempt attempt;
        final long since;
        final AtomicBoolean settled = new AtomicBoolean();
        volatile ScheduledFuture<?> timer;
        volatile MessageQueue blockedOn;

        Held(Attempt attempt, long since, MessageQueue blockedOn) {
            this.attempt = attempt;
            this.since = since;
            this.blockedOn = blockedOn;
        }
    }

    private final EngineRuntime runtime;
    private final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger draining = new AtomicInteger();
    /** The queue whose waiters list holds this gate's waker, or {@code null}. */
    private volatile MessageQueue waitingOn;

    SendGate(EngineRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Carries {@code attempt} out now when nothing of this session is held and its queues have
     * room (the hot path: one emptiness check and the queues' counters), fails it at once on a
     * full queue under {@code fullPolicy=fail}, otherwise holds it.
     */
    void submit(Attempt attempt) {
        MessageQueue full = null;
        long timeout;
        if (held.isEmpty()) {
            full = attempt.blockedOn();
            if (full == null) {
                attempt.proceed();
                return;
            }
            if (!full.limits().config().block()) {
                attempt.fail(full.limits().fullError());
                return;
            }
            timeout = full.limits().config().sendTimeout();
        } else {
            timeout = attempt.sendTimeout();
        }
        Held h = new Held(attempt, System.nanoTime(), full);
        held.add(h);
        if (timeout > 0) {
            h.timer = runtime.schedule(() -> runtime.execute(() -> timedOut(h)), timeout);
        }
        drain();
    }

    /** Whether a send of this session is held (for tests and diagnostics). */
    boolean holding() {
        return !held.isEmpty();
    }

    /** Fails every held send, e.g. when the session closes. */
    void failAll(EngineException error) {
        Held h;
        while ((h = held.poll()) != null) {
            settle(h, error);
        }
    }

    private void timedOut(Held h) {
        MessageQueue q = h.blockedOn;
        long waited = (System.nanoTime() - h.since) / 1_000_000;
        settle(h, q != null ? q.limits().timeoutError(waited) : new EngineException(
                EngineException.Kind.RESOURCE_ALLOCATION, "send timed out after " + waited
                + " ms waiting behind an earlier send of the same session that waits for space in a full queue"));
        drain();
    }

    private void settle(Held h, EngineException error) {
        if (h.settled.compareAndSet(false, true)) {
            ScheduledFuture<?> t = h.timer;
            if (t != null) {
                t.cancel(false);
            }
            h.attempt.fail(error);
        }
    }

    /** Lets the held sends go, in order, while their queues have room; one drain at a time. */
    private void drain() {
        if (draining.getAndIncrement() != 0) {
            return;
        }
        do {
            Held h;
            while ((h = held.peek()) != null) {
                if (h.settled.get()) {
                    held.poll();
                    continue;
                }
                MessageQueue full = h.attempt.blockedOn();
                if (full == null) {
                    if (h.settled.compareAndSet(false, true)) {
                        ScheduledFuture<?> t = h.timer;
                        if (t != null) {
                            t.cancel(false);
                        }
                        h.attempt.proceed();
                    }
                    held.poll();
                    continue;
                }
                h.blockedOn = full;
                if (!full.limits().config().block()) {
                    settle(h, full.limits().fullError());
                    held.poll();
                    continue;
                }
                if (waitingOn != full) {
                    waitingOn = full;
                    full.limits().await(() -> woken(full));
                }
                break;
            }
        } while (draining.decrementAndGet() != 0);
    }

    private void woken(MessageQueue q) {
        if (waitingOn == q) {
            waitingOn = null;
        }
        drain();
    }
}
