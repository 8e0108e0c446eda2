package dev.ferrymq.engine.queue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A broker's periodic expiry sweep, over only the queues that may hold a message with an
 * expiration: a queue joins the watched set when such a message arrives, is recovered or comes
 * back (a release, the end of a redelivery delay), and leaves it when a sweep finds it holds none
 * any more or when it is deleted. A sweep costs one task per watched queue, however many queues
 * the broker has.
 *
 * <p>Why no message is missed: a queue joins and leaves the set only on its own serial executor
 * (its {@link QueueState} decides, in {@link QueueState#arriving} and
 * {@link QueueState#holdsNoExpiring}), so an arrival and a sweep's decision to drop the queue run
 * one after the other: an arrival after that decision joins again, one before it is seen by the
 * sweep's scan.
 *
 * <p>Threading contract: {@link #watch} and {@link #unwatch} are called by a queue on its own
 * executor; {@link #sweep} runs on the broker's scheduler thread and only hands each watched
 * queue a task; {@link #visits}, {@link #sweeps} and {@link #watchedCount} may be read from any thread.
 */
public final class ExpirySweeper {

    /** What the sweeper hands work to: one queue's sweep, run on that queue's executor. */
    interface Swept {
        /** Drops or moves the queue's expired available messages; called from the scheduler thread. */
        void sweepExpired();
    }

    private final boolean enabled;
    private final Set<Swept> watched = ConcurrentHashMap.newKeySet();
    /** Queues handed a sweep task, over all sweeps. */
    private final AtomicLong visits = new AtomicLong();
    /** Sweeps run. */
    private final AtomicLong sweeps = new AtomicLong();

    /** @param enabled false when the broker runs no sweep (expirySweepInterval 0): nothing is watched then */
    public ExpirySweeper(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code queue} may hold a message with an expiration; on its executor. */
    void watch(Swept queue) {
        if (enabled) {
            watched.add(queue);
        }
    }

    /** {@code queue} holds no message with an expiration, or was deleted; on its executor. */
    void unwatch(Swept queue) {
        watched.remove(queue);
    }

    /** One sweep: hands every watched queue its sweep task. On the scheduler thread. */
    public void sweep() {
        for (Swept q : watched) {
            visits.incrementAndGet();
            q.sweepExpired();
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
