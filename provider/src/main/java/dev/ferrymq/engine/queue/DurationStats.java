package dev.ferrymq.engine.queue;

/**
 * A snapshot of one measured duration of a queue (see {@link QueueFigures}), in milliseconds.
 *
 * @param count       how many durations were recorded
 * @param totalMillis their sum
 * @param maxMillis   the longest
 * @param p50Millis   the median, as the upper bound of its power-of-two bucket (at most the maximum)
 * @param p99Millis   the 99th percentile, likewise
 */
public record DurationStats(long count, double totalMillis, double maxMillis, double p50Millis, double p99Millis) {

    /** Nothing recorded. */
    public static final DurationStats EMPTY = new DurationStats(0, 0, 0, 0, 0);

    /** The mean in milliseconds, 0 when nothing was recorded. */
    public double meanMillis() {
        return count == 0 ? 0 : totalMillis / count;
    }
}
