package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Stats;

import java.util.Arrays;

/**
 * Exact latency samples in nanoseconds, kept in a growing array and sorted once for percentiles:
 * no histogram error and no extra dependency. Written by one thread; read by another only after a
 * happens-before edge (e.g. {@link ArrivalTracker#await}).
 */
final class LatencyRecorder {

    private long[] samples;
    private int size;
    private boolean sorted;

    LatencyRecorder(int expected) {
        samples = new long[Math.max(16, expected)];
    }

    void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[size++] = nanos;
        sorted = false;
    }

    int size() {
        return size;
    }

    /** Percentile {@code p} (0..100) in microseconds. */
    double percentileMicros(double p) {
        if (!sorted) {
            Stats.sort(samples, size);
            sorted = true;
        }
        return Stats.percentile(samples, size, p) / 1_000.0;
    }
}
