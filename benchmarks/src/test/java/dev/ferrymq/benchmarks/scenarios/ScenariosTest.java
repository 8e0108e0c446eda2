package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.BenchmarkOptions;
import dev.ferrymq.benchmarks.harness.Metric;
import dev.ferrymq.benchmarks.harness.Mode;
import dev.ferrymq.benchmarks.harness.Scenario;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scenario catalogue and the command line that selects from it. */
class ScenariosTest {

    @Test
    @DisplayName("Performance issue, scenarios: S1 to S7 and the two memory ones, in run order, memory last")
    void catalogue() {
        assertThat(Scenarios.all()).extracting(Scenario::id).containsExactly("S1", "S1-paced", "S1-free", "S1-free-limited",
                "S2-ack1", "S2-ack100", "S3-p1", "S3-p1-free", "S3-p4", "S3-p16", "S4", "S5", "S6", "S7", "MEM", "MEM-slow");
    }

    @Test
    @DisplayName("Performance issue, command: --scenarios takes ids or prefixes, case-insensitive")
    void selection() {
        assertThat(Scenarios.select(List.of("s3", "S1"))).extracting(Scenario::id)
                .containsExactly("S1", "S1-paced", "S1-free", "S1-free-limited", "S3-p1", "S3-p1-free", "S3-p4",
                        "S3-p16");
        assertThat(Scenarios.select(List.of("S3-p1"))).extracting(Scenario::id).containsExactly("S3-p1", "S3-p1-free");
        assertThat(Scenarios.select(List.of("S1-paced"))).extracting(Scenario::id).containsExactly("S1-paced");
        assertThat(Scenarios.select(List.of("mem-slow"))).extracting(Scenario::id).containsExactly("MEM-slow");
        assertThatThrownBy(() -> Scenarios.select(List.of("S9"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S9");
    }

    @Test
    @DisplayName("Performance issue #15, free-running: S1-free is judged against S1's msg/s, S3-p1-free against the "
            + "disk's fsync rate it measures")
    void freeRunningWiring() {
        Scenario s1Free = Scenarios.select(List.of("S1-free")).get(0);
        Scenario s1 = Scenarios.select(List.of("S1")).get(0);
        Metric rate = s1Free.metrics().get(0);
        assertThat(rate.target().reference()).isEqualTo("S1");
        assertThat(s1.metrics()).extracting(Metric::label).contains(rate.label());
        assertThat(s1Free.metrics()).extracting(Metric::label)
                .containsExactly("msg/s", "p99 one-way latency", "heap growth (peak after GC)");
        assertThat(s1Free.broker()).isEqualTo(BrokerSettings.IN_MEMORY);
        Scenario limited = Scenarios.select(List.of("S1-free-limited")).get(0);
        assertThat(limited.broker()).isEqualTo(BrokerSettings.IN_MEMORY_LIMITED);
        assertThat(limited.metrics()).extracting(Metric::label).containsExactly("msg/s", "p99 one-way latency",
                "heap growth (peak after GC)");

        Scenario s3Free = Scenarios.select(List.of("S3-p1-free")).get(0);
        assertThat(s3Free.broker()).isEqualTo(BrokerSettings.PERSISTENT);
        assertThat(s3Free.metrics()).extracting(Metric::label).containsExactly("msg/s", "p99 one-way latency",
                "heap growth (peak after GC)", "disk write+fsync/s, no JMS", "msg/s / fsync/s");
        Metric fraction = s3Free.metrics().get(4);
        assertThat(fraction.target().verdict(0.85, null)).isEqualTo("met");
        assertThat(fraction.target().verdict(0.5, null)).isEqualTo("MISSED");
    }

    @Test
    @Timeout(60)
    @DisplayName("Performance issue #15, fsync probe: writes and forces into a preallocated temporary file, then deletes it")
    void fsyncProbe() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long probesBefore = probeDirs(tmp);
        assertThat(FsyncProbe.rate(Duration.ofMillis(50))).isPositive();
        assertThat(probeDirs(tmp)).isEqualTo(probesBefore);
    }

    private static long probeDirs(Path tmp) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("ferrymq-bench-fsync-")).count();
        }
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
