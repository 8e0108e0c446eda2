package dev.ferrymq.engine.queue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Which deliveries are timed for the processing time t: all of a queue's first 1,024, then one in 16. */
@Timeout(10)
class QueueMetersSamplingTest {

    @Test
    @DisplayName("Management: t is timed on every early delivery and on one in SAMPLE_EVERY after, never on none")
    void sampling() {
        QueueMeters meters = new QueueMeters();
        int timed = 0;
        for (long i = 1; i <= QueueMeters.TIME_ALL_FIRST; i++) {
            assertThat(meters.processingStart()).as("delivery %d", i).isNotZero();
        }
        for (int i = 0; i < 16 * 100; i++) {
            if (meters.processingStart() != 0) {
                timed++;
            }
        }
        assertThat(timed).isEqualTo(100);
    }
}
