package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.config.DestinationOptions;
import dev.ferrymq.spi.config.RedeliveryOptions;

/**
 * A broker's periodic acknowledgement-timeout sweep, over only the queues that may hold a delivery
 * kept unacknowledged too long: a queue whose policy has an {@code ackTimeout} joins the watched
 * set when a delivery becomes outstanding on it, and leaves it when a sweep finds no delivery
 * outstanding any more or when it is deleted. A sweep costs one task per watched queue, however
 * many queues the broker has.
 *
 * <p>Why no timed-out delivery is missed: a queue joins and leaves the set only on its own serial
 * executor (its {@link QueueState} decides, in {@link QueueState#delivered} and
 * {@link QueueState#holdsNoDelivery}), so a delivery and a sweep's decision to drop the queue run
 * one after the other: a delivery after that decision joins again, one before it is outstanding
 * and keeps the queue in the set. A local redelivery replaces an outstanding delivery with the
 * next, so the queue never has none outstanding in between.
 *
 * <p>Threading contract: {@link #watch} and {@link #unwatch} are called by a queue on its own
 * executor; {@link #sweep} runs on the broker's scheduler thread and only hands each watched
 * queue a task; {@link #interval} (immutable), {@link #visits}, {@link #sweeps} and
 * {@link #watchedCount} may be read from any thread.
 */
public final class AckTimeoutSweeper extends WatchedSweep<AckTimeoutSweeper.Swept> {

    /** What the sweeper hands work to: one queue's sweep, run on that queue's executor. */
    interface Swept {
        /** Takes back the queue's deliveries held past the timeout; called from the scheduler thread. */
        void sweepAckTimeouts();
    }

    private final long interval;

    /** @param redelivery the broker's destination options: their acknowledgement timeouts set the interval */
    public AckTimeoutSweeper(DestinationOptions redelivery) {
        long min = redelivery.allValues(RedeliveryOptions.ACK_TIMEOUT).stream().filter(t -> t > 0)
                .mapToLong(Long::longValue).min().orElse(0);
        this.interval = min == 0 ? 0 : Math.max(5, Math.min(1000, min / 5));
    }

    /**
     * Milliseconds between sweeps: a fifth of the shortest acknowledgement timeout (5 ms to 1 s),
     * or 0 when no destination has one (then no queue ever joins and the broker runs no sweep).
     */
    public long interval() {
        return interval;
    }

    @Override
    void visit(Swept queue) {
        queue.sweepAckTimeouts();
    }
}
