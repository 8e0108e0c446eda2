package dev.ferrymq.engine.queue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A periodic sweep over only the queues that asked to be watched, with the counters tests read:
 * the common part of the {@link ExpirySweeper} and the {@link AckTimeoutSweeper}. A queue joins
 * and leaves the set on its own serial executor; a sweep hands each watched queue one task
 * ({@link #visit}), so its cost follows the watched queues, not all queues.
 *
 * <p>Threading contract: {@link #watch} and {@link #unwatch} are called by a queue on its own
 * executor; {@link #sweep} runs on the broker's scheduler thread; {@link #visits}, {@link #sweeps}
 * and {@link #watchedCount} may be read from any thread.
 *
 * @param <S> what a watched queue offers the sweep
 */
public abstract class WatchedSweep<S> {

    private final Set<S> watched = ConcurrentHashMap.newKeySet();
    /** Queues handed a sweep task, over all sweeps. */
    private final AtomicLong visits = new AtomicLong();
    /** Sweeps run. */
    private final AtomicLong sweeps = new AtomicLong();

    WatchedSweep() {
    }

    /** Hands {@code queue} its sweep task; on the scheduler thread, must not block. */
    abstract void visit(S queue);

    void watch(S queue) {
        watched.add(queue);
    }

    void unwatch(S queue) {
        watched.remove(queue);
    }

    /** One sweep: hands every watched queue its sweep task. On the scheduler thread. */
    public void sweep() {
        for (S q : watched) {
            visits.incrementAndGet();
            visit(q);
        }
        sweeps.incrementAndGet();
    }

    /** How many sweeps ran since the broker started. Any thread. */
    public long sweeps() {
        return sweeps.get();
    }

    /** How many sweep tasks were handed to queues since the broker started. Any thread. */
    public long visits() {
        return visits.get();
    }

    /** How many queues the next sweep visits. Any thread. */
    public int watchedCount() {
        return watched.size();
    }
}
