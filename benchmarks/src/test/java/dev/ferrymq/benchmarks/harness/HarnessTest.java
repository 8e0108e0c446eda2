package dev.ferrymq.benchmarks.harness;

import dev.ferrymq.benchmarks.providers.BrokerSettings;
import dev.ferrymq.benchmarks.providers.ProviderUnderTest;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness with fake providers and a fake scenario (no broker): what the performance issue asks
 * of it beyond the numbers (alternation, warm-up, median, n/a cells, never aborting).
 */
class HarnessTest {

    private static final Metric RATE = new Metric("msg/s", Unit.PER_SECOND, Target.atLeast(15, ">= 15/s"));

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @Test
    @DisplayName("Performance issue, harness: providers alternate per round, warm-ups are not measured")
    void alternatesAndSkipsWarmups() {
        List<String> calls = new ArrayList<>();
        FakeScenario scenario = new FakeScenario(calls, null);
        ScenarioResult result = harness(new FakeProvider("ferrymq", null), new FakeProvider("artemis", null))
                .run(scenario);

        assertThat(calls).containsExactly("ferrymq", "artemis", "artemis", "ferrymq", "ferrymq", "artemis",
                "artemis", "ferrymq");
        Stats ferry = result.of("ferrymq").stats(RATE);
        assertThat(ferry.count()).isEqualTo(Mode.SHORT.iterations());
        // ferrymq's calls are number 1 (warm-up), 4, 5 and 8: measured values 4, 5, 8
        assertThat(ferry.median()).isEqualTo(5);
        assertThat(ferry.min()).isEqualTo(4);
        assertThat(ferry.max()).isEqualTo(8);
    }

    @Test
    @DisplayName("Performance issue, harness: a provider that fails to start is n/a (reason), the other still runs")
    void failedStartIsNotApplicable() {
        List<String> calls = new ArrayList<>();
        ScenarioResult result = harness(new FakeProvider("ferrymq", "not implemented yet"),
                new FakeProvider("artemis", null)).run(new FakeScenario(calls, null));

        assertThat(result.of("ferrymq").failure()).contains("start").contains("not implemented yet");
        assertThat(result.of("ferrymq").stats(RATE)).isNull();
        assertThat(result.of("artemis").stats(RATE).count()).isEqualTo(Mode.SHORT.iterations());
        assertThat(calls).doesNotContain("ferrymq");

        String table = print(result);
        assertThat(table).contains("n/a (start: JMSException: not implemented yet)").contains("?");
    }

    @Test
    @DisplayName("Performance issue, harness: a scenario that throws is n/a for that provider only")
    void throwingIterationIsNotApplicable() {
        List<String> calls = new ArrayList<>();
        ScenarioResult result = harness(new FakeProvider("ferrymq", null), new FakeProvider("artemis", null))
                .run(new FakeScenario(calls, "ferrymq"));

        assertThat(result.of("ferrymq").failure()).contains("boom");
        assertThat(result.of("artemis").failed()).isFalse();
        assertThat(calls.stream().filter("ferrymq"::equals)).hasSize(1);
    }

    @Test
    @DisplayName("Performance issue, report: FerryMQ and Artemis side by side with the ratio and the verdict")
    void printsRatioAndVerdict() {
        List<String> calls = new ArrayList<>();
        ScenarioResult result = harness(new FakeProvider("ferrymq", null), new FakeProvider("artemis", null))
                .run(new FakeScenario(calls, null));

        String table = print(result);
        // ferrymq measured 4, 5, 8 (median 5); artemis 3, 6, 7 (median 6)
        assertThat(table).contains("FAKE").contains("5/s [4..8]").contains("6/s [3..7]").contains("0.83x")
                .contains(">= 15/s").contains("MISSED");
    }

    @Test
    @DisplayName("Performance issue #15, report: a target relative to another scenario is judged against that "
            + "scenario's FerryMQ median in the same run")
    void judgesAgainstReferenceScenario() {
        Metric freeRate = new Metric("msg/s", Unit.PER_SECOND, Target.ofScenario("FAKE", 0.6));
        FakeScenario reference = new FakeScenario(new ArrayList<>(), null);
        ScenarioResult windowed = harness(new FakeProvider("ferrymq", null)).run(reference);
        ProviderResult free = new ProviderResult("ferrymq");
        free.add(new Sample().put(freeRate, 4));
        Scenario freeScenario = new FakeScenario(new ArrayList<>(), null) {
            @Override
            public String id() {
                return "FAKE-free";
            }

            @Override
            public List<Metric> metrics() {
                return List.of(freeRate);
            }
        };
        ScenarioResult freeResult = new ScenarioResult(freeScenario, java.util.Map.of("ferrymq", free));
        // the reference measured 2, 3, 4 (median 3): 4 is 1.33x of it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportPrinter().print(List.of(windowed, freeResult), Mode.SHORT,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(">= 0.6x FAKE").contains("1.33x: met");

        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        new ReportPrinter().print(List.of(freeResult), Mode.SHORT, new PrintStream(alone, true, StandardCharsets.UTF_8));
        assertThat(alone.toString(StandardCharsets.UTF_8)).contains("? (no FAKE)");
    }

    private Harness harness(ProviderUnderTest... providers) {
        return new Harness(Mode.SHORT, List.of(providers), new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    private static String print(ScenarioResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportPrinter().print(List.of(result), Mode.SHORT, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Starts nothing; fails to start with {@code startFailure} when set. */
    private record FakeProvider(String id, String startFailure) implements ProviderUnderTest {
        @Override
        public String name() {
            return id;
        }

        @Override
        public ConnectionFactory start(BrokerSettings settings) throws JMSException {
            if (startFailure != null) {
                throw new JMSException(startFailure);
            }
            return null;
        }

        @Override
        public void stop() {
        }

        @Override
        public void stopKeepingData() {
        }

        @Override
        public ConnectionFactory startAgain() {
            return null;
        }
    }

    /** Records which provider ran each iteration; its value is the call's ordinal (1-based). */
    private static class FakeScenario implements Scenario {
        private final List<String> calls;
        private final String failFor;

        FakeScenario(List<String> calls, String failFor) {
            this.calls = calls;
            this.failFor = failFor;
        }

        @Override
        public String id() {
            return "FAKE";
        }

        @Override
        public String description() {
            return "fake";
        }

        @Override
        public BrokerSettings broker() {
            return BrokerSettings.IN_MEMORY;
        }

        @Override
        public List<Metric> metrics() {
            return List.of(RATE);
        }

        @Override
        public ScenarioRun setup(ConnectionFactory factory, RunContext context) {
            String provider = context.destinationPrefix().split("\\.")[2];
            calls.add(provider);
            int ordinal = calls.size();
            return new ScenarioRun() {
                @Override
                public Sample run() {
                    if (provider.equals(failFor)) {
                        throw new IllegalStateException("boom");
                    }
                    return new Sample().put(RATE, ordinal);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
