package dev.ferrymq.benchmarks.harness;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Median, spread, percentiles and target verdicts printed in the comparison table. */
class StatsAndTargetTest {

    @Test
    @DisplayName("Performance issue, report: median of odd and even counts, min and max")
    void median() {
        assertThat(Stats.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Stats(2, 1, 3, 3));
        assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
        assertThat(Stats.of(List.of())).isNull();
    }

    @Test
    @DisplayName("Performance issue, latency: nearest-rank percentiles over exact samples")
    void percentiles() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        Stats.sort(samples, 100);
        assertThat(Stats.percentile(samples, 100, 50)).isEqualTo(50);
        assertThat(Stats.percentile(samples, 100, 99)).isEqualTo(99);
        assertThat(Stats.percentile(samples, 100, 100)).isEqualTo(100);
        assertThat(Stats.percentile(samples, 1, 99.9)).isEqualTo(1);
    }

    @Test
    @DisplayName("Performance issue, targets: absolute and relative to Artemis")
    void verdicts() {
        Target s1 = Target.atLeast(400_000, ">= 400k/s").andRatio(15);
        assertThat(s1.text()).isEqualTo(">= 400k/s and >= 15x Artemis");
        assertThat(s1.verdict(450_000.0, 20_000.0)).isEqualTo("met");
        assertThat(s1.verdict(450_000.0, 40_000.0)).isEqualTo("MISSED");
        assertThat(s1.verdict(350_000.0, 1_000.0)).isEqualTo("MISSED");
        assertThat(s1.verdict(null, 1_000.0)).isEqualTo("?");
        assertThat(Target.below(200, "< 200 us").verdict(199.0, null)).isEqualTo("met");
        assertThat(Target.below(200, "< 200 us").verdict(200.0, null)).isEqualTo("MISSED");
        assertThat(Target.NONE.verdict(1.0, 1.0)).isEqualTo("-");
    }

    @Test
    @DisplayName("Performance issue #15, targets: a fraction of another scenario's FerryMQ median")
    void relativeToScenario() {
        Target t = Target.ofScenario("S1", 0.6);
        assertThat(t.text()).isEqualTo(">= 0.6x S1");
        assertThat(t.verdict(700.0, null, 1_000.0)).isEqualTo("0.70x: met");
        assertThat(t.verdict(500.0, 1.0, 1_000.0)).isEqualTo("0.50x: MISSED");
        assertThat(t.verdict(500.0, null, null)).isEqualTo("? (no S1)");
        assertThat(t.verdict(null, null, 1_000.0)).isEqualTo("?");
        assertThat(t.verdict(500.0, null)).isEqualTo("? (no S1)");
        assertThat(Target.atLeast(2, ">= 2").verdict(3.0, null, 1.0)).isEqualTo("met");
        assertThat(Unit.FRACTION.format(0.834)).isEqualTo("0.83x");
    }

    @Test
    @DisplayName("Performance issue, report: compact units")
    void units() {
        assertThat(Unit.PER_SECOND.format(412_345)).isEqualTo("412.3k/s");
        assertThat(Unit.PER_SECOND.format(1_520_000)).isEqualTo("1.52M/s");
        assertThat(Unit.MICROS.format(57.14)).isEqualTo("57.1 us");
        assertThat(Unit.MICROS.format(1234)).isEqualTo("1,234 us");
        assertThat(Unit.BYTES.format(1969.4)).isEqualTo("1,969 B");
        assertThat(Unit.MEBIBYTES.format(3.25 * 1024 * 1024)).isEqualTo("3.3 MiB");
        assertThat(Unit.MEBIBYTES.formatBare(-1024 * 1024)).isEqualTo("-1.0");
    }
}
