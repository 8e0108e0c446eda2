package dev.ferrymq.benchmarks.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * Cumulative progress of one long phase (filling or draining a backlog), logged after each
 * batch: how many messages so far, and when. Gives the phase's rate and the rate over its last
 * tenth, so that a rate that falls as the backlog grows shows within one run. Filled and read by
 * one thread; not thread-safe.
 */
final class RateLog {

    private final long startNanos;
    private final List<long[]> marks = new ArrayList<>();

    /** @param startNanos System.nanoTime when the phase started */
    RateLog(long startNanos) {
        this.startNanos = startNanos;
    }

    /** Records that {@code total} messages were done (cumulative) at {@code nanos}. */
    void mark(long total, long nanos) {
        marks.add(new long[] {total, nanos});
    }

    /** Messages done by the last mark, 0 before any. */
    long total() {
        return marks.isEmpty() ? 0 : marks.get(marks.size() - 1)[0];
    }

    /** Seconds from the start to the last mark, 0 before any. */
    double seconds() {
        return marks.isEmpty() ? 0 : (marks.get(marks.size() - 1)[1] - startNanos) / 1e9;
    }

    /** Messages per second from the start to the last mark; NaN before any mark. */
    double rate() {
        return marks.isEmpty() ? Double.NaN : total() / seconds();
    }

    /**
     * Messages per second over the last tenth of the messages: from the last mark at or below 90%
     * of the total (the start when there is none) to the last mark; NaN before any mark.
     */
    double lastTenthRate() {
        if (marks.isEmpty()) {
            return Double.NaN;
        }
        long total = total();
        long fromCount = 0;
        long fromNanos = startNanos;
        for (long[] m : marks) {
            if (m[0] * 10 > total * 9) {
                break;
            }
            fromCount = m[0];
            fromNanos = m[1];
        }
        long[] last = marks.get(marks.size() - 1);
        return (total - fromCount) / ((last[1] - fromNanos) / 1e9);
    }
}
