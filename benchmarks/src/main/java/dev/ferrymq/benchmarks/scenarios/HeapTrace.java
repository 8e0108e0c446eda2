package dev.ferrymq.benchmarks.scenarios;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The samples of one slow-consumer memory run, taken at a fixed interval: heap used and how many
 * messages were sent and consumed so far. Computes the heap's growth from the first quarter of
 * the samples to the last (median of each, so that the filling of the queue at the start and a
 * single noisy sample do not decide it), the peak, and rates over the second half (when the
 * producer is held by the destination limit, after the queue filled). Filled and read by one
 * thread; not thread-safe.
 */
final class HeapTrace {

    /**
     * One sample.
     *
     * @param nanos    System.nanoTime when it was taken
     * @param heapUsed heap bytes used (after a collection)
     * @param sent     messages sent so far
     * @param consumed messages consumed so far
     */
    record Point(long nanos, long heapUsed, long sent, long consumed) {
    }

    private final List<Point> points = new ArrayList<>();

    void add(Point point) {
        points.add(point);
    }

    int size() {
        return points.size();
    }

    /**
     * Median heap used in the last quarter of the samples minus that of the first quarter, in
     * bytes; negative when the heap shrank.
     *
     * @throws IllegalStateException with fewer than 4 samples
     */
    double growth() {
        int quarter = quarter();
        List<Point> first = points.subList(0, quarter);
        List<Point> last = points.subList(points.size() - quarter, points.size());
        return medianHeap(last) - medianHeap(first);
    }

    /** The highest heap used of any sample, in bytes. */
    long peak() {
        return points.stream().mapToLong(Point::heapUsed).max()
                .orElseThrow(() -> new IllegalStateException("no samples"));
    }

    /** Messages sent per second from the middle sample to the last. */
    double sentRateSecondHalf() {
        return rateSecondHalf(true);
    }

    /** Messages consumed per second from the middle sample to the last. */
    double consumedRateSecondHalf() {
        return rateSecondHalf(false);
    }

    private double rateSecondHalf(boolean sent) {
        quarter();
        Point mid = points.get(points.size() / 2);
        Point end = points.get(points.size() - 1);
        double seconds = (end.nanos() - mid.nanos()) / 1e9;
        long count = sent ? end.sent() - mid.sent() : end.consumed() - mid.consumed();
        return count / seconds;
    }

    private int quarter() {
        if (points.size() < 4) {
            throw new IllegalStateException("need at least 4 samples, have " + points.size());
        }
        return points.size() / 4;
    }

    private static double medianHeap(List<Point> part) {
        long[] heap = part.stream().mapToLong(Point::heapUsed).sorted().toArray();
        int n = heap.length;
        return n % 2 == 1 ? heap[n / 2] : (heap[n / 2 - 1] + heap[n / 2]) / 2.0;
    }

    @Override
    public String toString() {
        return Arrays.toString(points.stream().mapToLong(p -> p.heapUsed() >> 20).toArray()) + " MiB";
    }
}
