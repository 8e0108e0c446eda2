package dev.ferrymq.engine.queue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The duration figures behind t, u and v (issue #15): the acknowledgement time u is recorded on
 * whichever thread the store reports an acknowledgement durable, concurrently with the queue's
 * own recordings and snapshots, so {@link Durations} must count every recording exactly.
 */
@Timeout(60)
class DurationsTest {

    @Test
    @DisplayName("Issue #15: one thread's recordings give count, total, maximum and bucket percentiles")
    void singleThread() {
        Durations d = new Durations();
        assertThat(d.snapshot()).isEqualTo(DurationStats.EMPTY);
        d.record(500);                 // bucket 0 (< 1 us)
        d.record(3_000, 98);           // 3 us: bucket 2, [2, 4) us
        d.record(5_000_000);           // 5 ms
        d.record(-7);                  // counts as 0
        DurationStats s = d.snapshot();
        assertThat(s.count()).isEqualTo(101);
        assertThat(s.totalMillis()).isCloseTo((500 + 98 * 3_000 + 5_000_000) / 1e6, within(1e-9));
        assertThat(s.maxMillis()).isEqualTo(5.0);
        assertThat(s.p50Millis()).isEqualTo(Durations.upperMillis(2));
        assertThat(s.p99Millis()).isEqualTo(Durations.upperMillis(2));
    }

    @Test
    @DisplayName("Issue #15: recordings from many threads at once, with snapshots taken meanwhile, are all counted")
    void concurrentRecordings() throws Exception {
        Durations d = new Durations();
        int threads = 4;
        int perThread = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> recorders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long nanos = (t + 1) * 1_000L;
            Thread r = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    d.record(nanos);
                }
            }, "durations-test-" + t);
            r.start();
            recorders.add(r);
        }
        start.countDown();
        long lastCount = 0;
        while (recorders.stream().anyMatch(Thread::isAlive)) {
            DurationStats s = d.snapshot();
            assertThat(s.count()).isGreaterThanOrEqualTo(lastCount).isLessThanOrEqualTo((long) threads * perThread);
            assertThat(s.maxMillis()).isLessThanOrEqualTo(threads / 1000.0);
            lastCount = s.count();
        }
        for (Thread r : recorders) {
            r.join(TimeUnit.SECONDS.toMillis(30));
        }
        DurationStats s = d.snapshot();
        assertThat(s.count()).isEqualTo((long) threads * perThread);
        assertThat(s.totalMillis()).isCloseTo(perThread * (1 + 2 + 3 + 4) * 1_000L / 1e6, within(1e-6));
        assertThat(s.maxMillis()).isEqualTo(threads / 1000.0);
        // 1 and 2..3 us fall in buckets 1 and 2, 4 us in bucket 3: the median is in bucket 2 (2 and 3 us), p99 in bucket 3
        assertThat(s.p50Millis()).isEqualTo(Durations.upperMillis(2));
        assertThat(s.p99Millis()).isEqualTo(Math.min(Durations.upperMillis(3), threads / 1000.0));
    }
}
