package dev.ferrymq.benchmarks.scenarios;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic of the slow-consumer memory scenario (MEM-slow). */
class HeapTraceTest {

    private static final long MIB = 1 << 20;
    private static final long SECOND = 1_000_000_000L;

    @Test
    @DisplayName("Performance issue, memory flat under a slow consumer: growth = median of last quarter - median of first")
    void growthComparesQuarterMedians() {
        HeapTrace trace = new HeapTrace();
        long[] heap = {10, 80, 82, 81, 83, 84, 85, 90, 86, 200, 88, 87};
        for (int i = 0; i < heap.length; i++) {
            trace.add(new HeapTrace.Point(i * SECOND, heap[i] * MIB, 0, 0));
        }
        // first quarter 10, 80, 82 -> 80; last quarter 200, 88, 87 -> 88 (the filling and the spike ignored)
        assertThat(trace.growth()).isEqualTo(8.0 * MIB);
        assertThat(trace.peak()).isEqualTo(200 * MIB);
    }

    @Test
    @DisplayName("Performance issue, memory flat under a slow consumer: a shrinking heap gives negative growth; even quarters average")
    void negativeGrowthAndEvenQuarter() {
        HeapTrace trace = new HeapTrace();
        long[] heap = {100, 90, 50, 50, 50, 50, 60, 80};
        for (int i = 0; i < heap.length; i++) {
            trace.add(new HeapTrace.Point(i * SECOND, heap[i] * MIB, 0, 0));
        }
        assertThat(trace.growth()).isEqualTo(70.0 * MIB - 95.0 * MIB);
    }

    @Test
    @DisplayName("Performance issue, memory flat under a slow consumer: rates over the second half")
    void ratesOverSecondHalf() {
        HeapTrace trace = new HeapTrace();
        for (int i = 0; i <= 8; i++) {
            long sent = i == 0 ? 0 : 60_000 + 2_000L * i;
            trace.add(new HeapTrace.Point(i * SECOND / 2, MIB, sent, 1_000L * i));
        }
        // middle sample index 4 (t = 2 s), last index 8 (t = 4 s)
        assertThat(trace.sentRateSecondHalf()).isEqualTo(8_000 / 2.0);
        assertThat(trace.consumedRateSecondHalf()).isEqualTo(4_000 / 2.0);
    }

    @Test
    @DisplayName("Performance issue, memory flat under a slow consumer: too few samples is an error, not a number")
    void tooFewSamples() {
        HeapTrace trace = new HeapTrace();
        trace.add(new HeapTrace.Point(0, MIB, 0, 0));
        assertThatThrownBy(trace::growth).isInstanceOf(IllegalStateException.class).hasMessageContaining("4 samples");
        assertThatThrownBy(new HeapTrace()::peak).isInstanceOf(IllegalStateException.class);
    }
}
