package dev.ferrymq.engine.queue;

/**
 * The measurements of one queue beyond its counters: redeliveries and the durations t, u and v of
 * the essay's model (see {@link QueueFigures}).
 *
 * <p>Threading contract: not thread-safe; owned by its queue's serial executor (plain fields,
 * published only through {@link MessageQueue#figures}'s snapshot taken there).
 */
final class QueueMeters {

    long redelivered;
    final Durations processing = new Durations();
    final Durations acknowledgement = new Durations();
    final Durations retransmission = new Durations();

    /** A delivery the application saw comes back to be delivered again after {@code waitedNanos}. */
    void redelivered(long waitedNanos) {
        redelivered++;
        retransmission.record(waitedNanos);
    }

    /** The counters of {@code q}, read on its executor. */
    static QueueStats stats(MessageQueue q) {
        return new QueueStats(q.dispatch.enqueuedCount, q.dispatch.deliveredCount, q.settlement.acknowledgedCount,
                q.settlement.expiredCount, q.available.size(), q.outstanding, q.consumers.size(),
                q.redeliveries.deadLettered, q.redeliveries.delayed);
    }

    /** The figures of {@code q} (whose meters these are), read on its executor. */
    QueueFigures figures(MessageQueue q) {
        return new QueueFigures(q.name(), q.ref(), stats(q), redelivered, processing.snapshot(),
                acknowledgement.snapshot(), retransmission.snapshot(), q.consumers.paused());
    }
}
