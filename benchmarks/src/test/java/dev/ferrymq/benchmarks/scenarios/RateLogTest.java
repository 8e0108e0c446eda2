package dev.ferrymq.benchmarks.scenarios;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The rates of a backlog fill or drain (issue #15 cost curves). */
@Timeout(10)
class RateLogTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    @DisplayName("Issue #15 cost curves, backlog: overall rate and the rate over the last tenth of the messages")
    void rates() {
        RateLog log = new RateLog(5 * SECOND);
        // 1,000 messages per second for 9 s, then the last 1,000 take 4 s
        for (int i = 1; i <= 9; i++) {
            log.mark(i * 1_000L, (5 + i) * SECOND);
        }
        log.mark(10_000, 18 * SECOND);
        assertThat(log.total()).isEqualTo(10_000);
        assertThat(log.seconds()).isEqualTo(13.0);
        assertThat(log.rate()).isEqualTo(10_000 / 13.0);
        assertThat(log.lastTenthRate()).isEqualTo(250.0);
    }

    @Test
    @DisplayName("Issue #15 cost curves, backlog: one mark measures from the start; no mark, no rate")
    void edges() {
        RateLog log = new RateLog(0);
        assertThat(log.rate()).isNaN();
        assertThat(log.lastTenthRate()).isNaN();
        log.mark(500, 2 * SECOND);
        assertThat(log.rate()).isEqualTo(250.0);
        assertThat(log.lastTenthRate()).isEqualTo(250.0);
    }
}
