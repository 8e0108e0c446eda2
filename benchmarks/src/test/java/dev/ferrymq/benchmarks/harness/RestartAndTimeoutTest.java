package dev.ferrymq.benchmarks.harness;

import dev.ferrymq.benchmarks.providers.BrokerSettings;
import dev.ferrymq.benchmarks.providers.ProviderUnderTest;

import jakarta.jms.ConnectionFactory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness pieces the cost curves of issue #15 added, with a fake provider (no broker): a
 * scenario's own iteration time limit, and a broker restart through {@link RunContext#broker()}.
 */
@Timeout(10)
class RestartAndTimeoutTest {

    private static final Metric VALUE = Metric.of("value", Unit.COUNT);

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @Test
    @DisplayName("Issue #15 cost curves, harness: a scenario's own iteration limit applies, past it the cell is n/a")
    void scenarioTimeoutApplies() {
        CountDownLatch never = new CountDownLatch(1);
        FakeScenario scenario = new FakeScenario(Duration.ofMillis(200)) {
            @Override
            Sample body(RunContext context) throws Exception {
                never.await();
                return new Sample().put(VALUE, 1);
            }
        };
        ScenarioResult result = harness(new RestartingProvider()).run(scenario);

        assertThat(result.of("fake").failure()).contains("iteration 1/1").contains("did not finish within");
        assertThat(result.of("fake").stats(VALUE)).isNull();
    }

    @Test
    @DisplayName("Issue #15 cost curves, harness: a restart stops the provider keeping its data, starts it again, "
            + "and later iterations get the new factory")
    void restartGoesThroughProviderAndReplacesFactory() {
        RestartingProvider provider = new RestartingProvider();
        List<ConnectionFactory> seen = new ArrayList<>();
        FakeScenario scenario = new FakeScenario(Duration.ofSeconds(5)) {
            @Override
            Sample body(RunContext context) throws Exception {
                context.broker().stopKeepingData();
                ConnectionFactory again = context.broker().startAgain();
                return new Sample().put(VALUE, provider.factories.indexOf(again));
            }

            @Override
            public int iterations(Mode mode) {
                return 2;
            }

            @Override
            public ScenarioRun setup(ConnectionFactory factory, RunContext context) {
                seen.add(factory);
                return super.setup(factory, context);
            }
        };
        ScenarioResult result = harness(provider).run(scenario);

        assertThat(result.of("fake").failed()).as(progress.toString(StandardCharsets.UTF_8)).isFalse();
        assertThat(provider.calls).containsExactly("start", "stopKeepingData", "startAgain", "stopKeepingData",
                "startAgain", "stop");
        // iteration 1 got the factory of start (0), iteration 2 the one of the first startAgain (1)
        assertThat(seen).containsExactly(provider.factories.get(0), provider.factories.get(1));
        assertThat(result.of("fake").stats(VALUE).max()).isEqualTo(2);
    }

    @Test
    @DisplayName("Issue #15 cost curves, report: counts print with separators, durations in seconds")
    void countAndSecondsFormat() {
        assertThat(Unit.COUNT.format(1_000_000)).isEqualTo("1,000,000");
        assertThat(Unit.SECONDS.format(2.414)).isEqualTo("2.41 s");
        assertThat(Unit.SECONDS.formatBare(2.414)).isEqualTo("2.41");
        assertThat(Unit.SECONDS.higherIsBetter()).isFalse();
    }

    private Harness harness(ProviderUnderTest provider) {
        return new Harness(Mode.SHORT, List.of(provider), new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    /** Records its calls; every start hands out a new (inert) factory. */
    private static final class RestartingProvider implements ProviderUnderTest {
        final List<String> calls = new ArrayList<>();
        final List<ConnectionFactory> factories = new ArrayList<>();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public ConnectionFactory start(BrokerSettings settings) {
            calls.add("start");
            return newFactory();
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public void stopKeepingData() {
            calls.add("stopKeepingData");
        }

        @Override
        public ConnectionFactory startAgain() {
            calls.add("startAgain");
            return newFactory();
        }

        private ConnectionFactory newFactory() {
            ConnectionFactory f = (ConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
                        if (method.getName().equals("equals")) {
                            return proxy == args[0];
                        }
                        if (method.getName().equals("hashCode")) {
                            return System.identityHashCode(proxy);
                        }
                        throw new UnsupportedOperationException("inert test factory");
                    });
            factories.add(f);
            return f;
        }
    }

    /** One measured iteration, no warm-up, the given limit; the body says what the iteration does. */
    private abstract static class FakeScenario implements OneShotScenario {
        private final Duration limit;

        FakeScenario(Duration limit) {
            this.limit = limit;
        }

        abstract Sample body(RunContext context) throws Exception;

        @Override
        public String id() {
            return "CURVE-fake";
        }

        @Override
        public String description() {
            return "fake";
        }

        @Override
        public BrokerSettings broker() {
            return BrokerSettings.PERSISTENT;
        }

        @Override
        public List<Metric> metrics() {
            return List.of(VALUE);
        }

        @Override
        public Duration iterationTimeout(Mode mode) {
            return limit;
        }

        @Override
        public ScenarioRun setup(ConnectionFactory factory, RunContext context) {
            return new ScenarioRun() {
                @Override
                public Sample run() throws Exception {
                    return body(context);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
