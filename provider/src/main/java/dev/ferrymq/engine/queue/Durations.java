package dev.ferrymq.engine.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Count, total, maximum and a fixed power-of-two histogram of durations, for one of the essay's
 * figures of one queue (processing time t, acknowledgement time u, retransmission time v).
 * Recording is a few atomic additions to its own fields (no lock, no object beyond the
 * histogram's array, which the first recording allocates).
 *
 * <p>Threading contract: {@link #record} may be called from any thread, concurrently: the
 * acknowledgement time is recorded where the store reports the acknowledgement durable, without
 * a task on the queue's executor (which would wake a pool thread per acknowledgement).
 * {@link #snapshot} may run concurrently with recordings; a recording still under way may then be
 * missing from some of its fields (count, total, maximum, histogram), never torn.
 */
final class Durations {

    /** Bucket {@code i > 0} holds durations in [2^(i-1), 2^i) microseconds; bucket 0 those under 1 µs. */
    static final int BUCKETS = 40;

    private static final VarHandle COUNT;
    private static final VarHandle TOTAL;
    private static final VarHandle MAX;
    private static final VarHandle BUCKETS_ARRAY;
    private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            COUNT = l.findVarHandle(Durations.class, "count", long.class);
            TOTAL = l.findVarHandle(Durations.class, "totalNanos", long.class);
            MAX = l.findVarHandle(Durations.class, "maxNanos", long.class);
            BUCKETS_ARRAY = l.findVarHandle(Durations.class, "buckets", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long count;
    private volatile long totalNanos;
    private volatile long maxNanos;
    /** Allocated at the first recording: most queues never record some figures (a retransmission time). */
    private volatile long[] buckets;

    /** Records {@code times} durations of {@code nanos} each (negative counts as 0). */
    void record(long nanos, int times) {
        if (times <= 0) {
            return;
        }
        long d = Math.max(0, nanos);
        long[] b = buckets;
        if (b == null) {
            BUCKETS_ARRAY.compareAndSet(this, null, new long[BUCKETS]);
            b = buckets;
        }
        BUCKET.getAndAdd(b, bucket(d), (long) times);
        TOTAL.getAndAdd(this, d * times);
        long max = maxNanos;
        while (d > max && !MAX.compareAndSet(this, max, d)) {
            max = maxNanos;
        }
        COUNT.getAndAdd(this, (long) times);
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
        long n = count;
        double max = maxNanos / 1e6;
        return new DurationStats(n, totalNanos / 1e6, max, percentile(0.5, n, max), percentile(0.99, n, max));
    }

    /**
     * The upper bound of the bucket holding the {@code q}-quantile of {@code n} recordings, capped
     * by the maximum {@code max}; 0 when empty.
     */
    private double percentile(double q, long n, double max) {
        long[] b = buckets;
        if (n == 0 || b == null) {
            return 0;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += (long) BUCKET.getVolatile(b, i);
            if (seen >= rank) {
                return Math.min(upperMillis(i), max);
            }
        }
        return max;
    }
}
