package dev.ferrymq.engine.queue;

/**
 * Count, total, maximum and a fixed power-of-two histogram of durations, for one of the essay's
 * figures of one queue (processing time t, acknowledgement time u, retransmission time v).
 * Recording is a few additions and no lock; the histogram's array is allocated by the first one.
 *
 * <p>Threading contract: not thread-safe; owned by its queue's serial executor, read there by
 * {@link #snapshot}.
 */
final class Durations {

    /** Bucket {@code i > 0} holds durations in [2^(i-1), 2^i) microseconds; bucket 0 those under 1 µs. */
    static final int BUCKETS = 40;

    private long count;
    private long totalNanos;
    private long maxNanos;
    /** Allocated at the first recording: most queues never record some figures (a retransmission time). */
    private long[] buckets;

    /** Records {@code times} durations of {@code nanos} each (negative counts as 0). */
    void record(long nanos, int times) {
        if (times <= 0) {
            return;
        }
        long d = Math.max(0, nanos);
        count += times;
        totalNanos += d * times;
        if (d > maxNanos) {
            maxNanos = d;
        }
        if (buckets == null) {
            buckets = new long[BUCKETS];
        }
        buckets[bucket(d)] += times;
    }

    void record(long nanos) {
        record(nanos, 1);
    }

    static int bucket(long nanos) {
        long micros = nanos / 1000;
        return Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(micros));
    }

    /** The upper bound, in milliseconds, of bucket {@code i}. */
    static double upperMillis(int i) {
        return i == 0 ? 0.001 : Math.scalb(1.0, i) / 1000.0;
    }

    DurationStats snapshot() {
        return new DurationStats(count, totalNanos / 1e6, maxNanos / 1e6, percentile(0.5), percentile(0.99));
    }

    /** The upper bound of the bucket holding the {@code q}-quantile, capped by the maximum; 0 when empty. */
    private double percentile(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return Math.min(upperMillis(i), maxNanos / 1e6);
            }
        }
        return maxNanos / 1e6;
    }
}
