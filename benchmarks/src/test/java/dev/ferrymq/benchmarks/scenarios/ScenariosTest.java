package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.BenchmarkOptions;
import dev.ferrymq.benchmarks.harness.Mode;
import dev.ferrymq.benchmarks.harness.Scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scenario catalogue and the command line that selects from it. */
class ScenariosTest {

    @Test
    @DisplayName("Performance issue, scenarios: S1 to S7 and the two memory ones, in run order, memory last")
    void catalogue() {
        assertThat(Scenarios.all()).extracting(Scenario::id).containsExactly("S1", "S1-paced", "S2-ack1",
                "S2-ack100", "S3-p1", "S3-p4", "S3-p16", "S4", "S5", "S6", "S7", "MEM", "MEM-slow");
    }

    @Test
    @DisplayName("Performance issue, command: --scenarios takes ids or prefixes, case-insensitive")
    void selection() {
        assertThat(Scenarios.select(List.of("s3", "S1"))).extracting(Scenario::id)
                .containsExactly("S1", "S1-paced", "S3-p1", "S3-p4", "S3-p16");
        assertThat(Scenarios.select(List.of("S1-paced"))).extracting(Scenario::id).containsExactly("S1-paced");
        assertThat(Scenarios.select(List.of("mem-slow"))).extracting(Scenario::id).containsExactly("MEM-slow");
        assertThatThrownBy(() -> Scenarios.select(List.of("S9"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S9");
    }

    @Test
    @DisplayName("Performance issue, command: --short/--full, --scenarios, --providers, also as one string")
    void options() {
        BenchmarkOptions o = BenchmarkOptions.parse("--full --scenarios S1,S3 --providers artemis");
        assertThat(o.mode()).isEqualTo(Mode.FULL);
        assertThat(o.scenarios()).containsExactly("S1", "S3");
        assertThat(o.providers()).containsExactly("artemis");
        assertThat(BenchmarkOptions.parse().mode()).isEqualTo(Mode.SHORT);
        assertThat(BenchmarkOptions.parse().providers()).containsExactly("ferrymq", "artemis");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--providers", "hornetq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hornetq");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--scenarios"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--scenarios");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
    }
}
