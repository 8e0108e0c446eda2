package dev.ferrymq.benchmarks.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps producers at most {@code limit} messages ahead of the slowest consumer, so that a
 * throughput iteration measures a sustained rate rather than how fast a queue can be filled, and
 * the drain after the deadline stays short. Thread-safe: any number of producer threads share one.
 */
final class Window {

    /** Default lead: 10,000 messages of 1 KiB. */
    static final long DEFAULT_LIMIT = 10_000;

    private static final long PAUSE_NANOS = 20_000;

    private final long limit;
    private final List<ArrivalTracker> consumers;
    private final long stallNanos;
    private final AtomicLong sent = new AtomicLong();

    /**
     * @param limit     most messages sent but not yet consumed by the slowest consumer
     * @param consumers every consumer that receives every message
     * @param stall     how long producers wait without consumer progress before giving up
     */
    Window(long limit, List<ArrivalTracker> consumers, Duration stall) {
        this.limit = limit;
        this.consumers = List.copyOf(consumers);
        this.stallNanos = stall.toNanos();
    }

    /**
     * Claims {@code n} sends, waiting while the lead is at its limit.
     *
     * @throws TimeoutException      when consumers made no progress for the stall time
     * @throws IllegalStateException when a consumer failed meanwhile
     */
    void acquire(int n) throws TimeoutException {
        long target = sent.addAndGet(n);
        long seen = consumed();
        if (target - seen <= limit) {
            return;
        }
        long since = System.nanoTime();
        while (target - seen > limit) {
            LockSupport.parkNanos(PAUSE_NANOS);
            consumers.forEach(ArrivalTracker::checkFailure);
            long now = consumed();
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > stallNanos) {
                throw new TimeoutException("consumers stalled at " + seen + " messages for "
                        + Duration.ofNanos(stallNanos).toSeconds() + " s");
            }
        }
    }

    private long consumed() {
        long min = Long.MAX_VALUE;
        for (ArrivalTracker t : consumers) {
            min = Math.min(min, t.count());
        }
        return min;
    }
}
