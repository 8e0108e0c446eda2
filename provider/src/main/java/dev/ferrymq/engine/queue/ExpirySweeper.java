package dev.ferrymq.engine.queue;

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
public final class ExpirySweeper extends WatchedSweep<ExpirySweeper.Swept> {

    /** What the sweeper hands work to: one queue's sweep, run on that queue's executor. */
    interface Swept {
        /** Drops or moves the queue's expired available messages; called from the scheduler thread. */
        void sweepExpired();
    }

    private final boolean enabled;

    /** @param enabled false when the broker runs no sweep (expirySweepInterval 0): nothing is watched then */
    public ExpirySweeper(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code queue} may hold a message with an expiration; on its executor. */
    @Override
    void watch(Swept queue) {
        if (enabled) {
            super.watch(queue);
        }
    }

    @Override
    void visit(Swept queue) {
        queue.sweepExpired();
    }
}
