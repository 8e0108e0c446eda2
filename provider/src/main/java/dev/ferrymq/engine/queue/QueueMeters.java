package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.DestinationRef;

/**
 * The measurements of one queue beyond its counters: redeliveries and the durations t, u and v of
 * the essay's model (see {@link QueueFigures}).
 *
 * <p>Threading contract: owned by its queue's serial executor (plain fields, published only
 * through {@link MessageQueue#figures}'s snapshot taken there), but for the {@link Durations},
 * which any thread may record into: the acknowledgement time is recorded where the store reports
 * an acknowledgement durable.
 */
final class QueueMeters {

    /** Deliveries of this queue's first this many are all timed for t, then {@link #SAMPLE_EVERY}th ones. */
    static final long TIME_ALL_FIRST = 1024;
    /** At high rates t is timed on one delivery in this many (a power of two): a clock read costs. */
    static final long SAMPLE_EVERY = 16;

    long redelivered;
    /** Deliveries counted for sampling t. */
    private long sampled;
    final Durations processing = new Durations();
    final Durations acknowledgement = new Durations();
    final Durations retransmission = new Durations();

    /**
     * The start of a delivery's processing time t: {@link System#nanoTime()} for a timed delivery,
     * 0 for one that is not (every delivery of the queue's first {@value #TIME_ALL_FIRST}, then one
     * in {@value #SAMPLE_EVERY}); t's count says how many were timed.
     */
    long processingStart() {
        long n = ++sampled;
        return n <= TIME_ALL_FIRST || (n & (SAMPLE_EVERY - 1)) == 0 ? System.nanoTime() : 0;
    }

    /** A delivery the application saw comes back to be delivered again after {@code waitedNanos}. */
    void redelivered(long waitedNanos) {
        redelivered++;
        retransmission.record(waitedNanos);
    }

    /**
     * The figures of queue {@code name} of destination {@code ref} (whose meters these are), with
     * its counters {@code stats} and whether its dispatch is {@code paused}; read on its executor.
     */
    QueueFigures figures(String name, DestinationRef ref, QueueStats stats, boolean paused) {
        return new QueueFigures(name, ref, stats, redelivered, processing.snapshot(),
                acknowledgement.snapshot(), retransmission.snapshot(), paused);
    }
}
