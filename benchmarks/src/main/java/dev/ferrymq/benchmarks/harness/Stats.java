package dev.ferrymq.benchmarks.harness;

import java.util.Arrays;
import java.util.Collection;

/**
 * Median and range of one metric over the measured iterations. Immutable.
 *
 * @param median the median (mean of the two middle values for an even count)
 * @param min    the lowest value
 * @param max    the highest value
 * @param count  how many iterations produced a value
 */
public record Stats(double median, double min, double max, int count) {

    /** Stats of {@code values}, or null when there are none. */
    public static Stats of(Collection<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Stats(median, v[0], v[n - 1], n);
    }

    /** Percentile {@code p} (0..100) of the values {@code sorted} ascending, nearest rank. */
    public static double percentile(long[] sorted, int length, double p) {
        if (length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * length);
        return sorted[Math.min(length, Math.max(rank, 1)) - 1];
    }

    /** Sorts the first {@code length} values in place. */
    public static void sort(long[] values, int length) {
        Arrays.sort(values, 0, length);
    }
}
