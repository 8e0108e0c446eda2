package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.BenchmarkOptions;
import dev.ferrymq.benchmarks.harness.Mode;
import dev.ferrymq.benchmarks.harness.Scenario;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cost curves of issue #15: their catalogue, how they are selected, their parameters. */
@Timeout(10)
class CurvesTest {

    @Test
    @DisplayName("Issue #15 cost curves: one scenario per point, selected with CURVE, never in the default run")
    void selectedOnlyByName() {
        assertThat(Scenarios.all()).extracting(Scenario::id).noneMatch(id -> id.startsWith("CURVE"));
        assertThat(Scenarios.select(List.of("curve"))).extracting(Scenario::id).containsExactly(
                "CURVE-queues-1", "CURVE-queues-100", "CURVE-queues-10000",
                "CURVE-consumers-1", "CURVE-consumers-10", "CURVE-consumers-100", "CURVE-consumers-1000",
                "CURVE-backlog-100k", "CURVE-backlog-1M");
        assertThat(Scenarios.select(List.of("CURVE-queues", "S1-paced"))).extracting(Scenario::id)
                .containsExactly("S1-paced", "CURVE-queues-1", "CURVE-queues-100", "CURVE-queues-10000");
        assertThat(Scenarios.select(List.of("CURVE-backlog"), 10_000_000)).extracting(Scenario::id)
                .containsExactly("CURVE-backlog-100k", "CURVE-backlog-1M", "CURVE-backlog-10M");
        assertThatThrownBy(() -> Scenarios.select(List.of("CURVE-backlog-10M")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CURVE-backlog-10M");
    }

    @Test
    @DisplayName("Issue #15 cost curves, backlog: the standard sizes up to the maximum, plus the maximum itself")
    void backlogPoints() {
        assertThat(Curves.backlogPoints(1_000_000)).containsExactly(100_000L, 1_000_000L);
        assertThat(Curves.backlogPoints(300_000)).containsExactly(100_000L, 300_000L);
        assertThat(Curves.backlogPoints(10_000)).containsExactly(10_000L);
        assertThat(Curves.backlogPoints(10_000_000)).containsExactly(100_000L, 1_000_000L, 10_000_000L);
        assertThatThrownBy(() -> Curves.backlogPoints(1_500)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1500");
        assertThat(Curves.compact(10_000)).isEqualTo("10k");
        assertThat(Curves.compact(2_500)).isEqualTo("2500");
    }

    @Test
    @DisplayName("Issue #15 cost curves, command: --backlog-max takes a positive multiple of 1,000")
    void backlogOption() {
        assertThat(BenchmarkOptions.parse().backlogMax()).isEqualTo(1_000_000);
        assertThat(BenchmarkOptions.parse("--scenarios CURVE-backlog --backlog-max 10000000").backlogMax())
                .isEqualTo(10_000_000);
        assertThatThrownBy(() -> BenchmarkOptions.parse("--backlog-max", "10M"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10M");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--backlog-max", "1234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1234");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--backlog-max"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--backlog-max");
    }

    @Test
    @DisplayName("Issue #15 cost curves, queues and consumers: a fixed message count spread evenly, at most 4 "
            + "producer threads, a time limit that grows with the sessions to open")
    void fanParameters() {
        FanCurveScenario many = new FanCurveScenario("CURVE-queues-10000", 10_000, 1);
        assertThat(many.messages(Mode.SHORT)).isEqualTo(100_000);
        assertThat(many.messages(Mode.SHORT) % 10_000).isZero();
        assertThat(many.producerThreads()).isEqualTo(4);
        assertThat(many.iterationTimeout(Mode.SHORT)).isGreaterThan(Mode.SHORT.iterationTimeout());
        assertThat(many.broker()).isEqualTo(BrokerSettings.IN_MEMORY);
        assertThat(many.warmups(Mode.SHORT)).isZero();
        assertThat(many.iterations(Mode.SHORT)).isEqualTo(3);

        FanCurveScenario odd = new FanCurveScenario("x", 3, 1);
        assertThat(odd.messages(Mode.FULL)).isEqualTo(999_999);
        FanCurveScenario consumers = new FanCurveScenario("CURVE-consumers-1000", 1, 1_000);
        assertThat(consumers.producerThreads()).isEqualTo(1);
        assertThat(consumers.messages(Mode.SHORT)).isEqualTo(100_000);
    }

    @Test
    @DisplayName("Issue #15 cost curves, backlog: persistent broker, one iteration, a limit that grows with the backlog")
    void backlogParameters() {
        Scenario small = Scenarios.select(List.of("CURVE-backlog-100k")).get(0);
        Scenario large = Scenarios.select(List.of("CURVE-backlog-1M")).get(0);
        assertThat(small.broker()).isEqualTo(BrokerSettings.PERSISTENT);
        assertThat(small.iterations(Mode.FULL)).isEqualTo(1);
        assertThat(small.warmups(Mode.FULL)).isZero();
        assertThat(large.iterationTimeout(Mode.SHORT)).isGreaterThan(small.iterationTimeout(Mode.SHORT));
        assertThat(large.metrics()).extracting(m -> m.label()).contains("messages committed", "send msg/s",
                "start to first message", "recovery msg/s", "drain msg/s");
    }
}
