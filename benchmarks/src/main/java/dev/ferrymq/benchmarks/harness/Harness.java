package dev.ferrymq.benchmarks.harness;

import dev.ferrymq.benchmarks.providers.ProviderUnderTest;

import jakarta.jms.ConnectionFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs each scenario on every provider: one fresh broker per provider and scenario, then warm-up
 * and measured iterations that alternate providers (A B, B A, A B, ...) so that drift on the
 * machine hits both alike. A provider that fails to start, throws, or overruns the mode's
 * iteration timeout gets no further iterations in that scenario; the run carries on. Progress
 * goes to {@code progress}. Used by one thread.
 */
public final class Harness {

    private static final Duration START_STOP_LIMIT = Duration.ofSeconds(60);

    private final Mode mode;
    private final List<ProviderUnderTest> providers;
    private final PrintStream progress;

    public Harness(Mode mode, List<ProviderUnderTest> providers, PrintStream progress) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.providers = List.copyOf(providers);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Runs {@code scenario} on every provider; never throws for a provider's failure. */
    public ScenarioResult run(Scenario scenario) {
        Map<String, ProviderResult> results = new LinkedHashMap<>();
        Map<String, ConnectionFactory> factories = Collections.synchronizedMap(new HashMap<>());
        progress.printf("[%s] %s%n", scenario.id(), scenario.description());
        try {
            for (ProviderUnderTest p : providers) {
                ProviderResult result = new ProviderResult(p.id());
                results.put(p.id(), result);
                try {
                    factories.put(p.id(), Bounded.call(p.name() + " start", START_STOP_LIMIT,
                            () -> p.start(scenario.broker())));
                } catch (Throwable t) {
                    fail(scenario, p, result, "start: " + Bounded.reason(t));
                }
            }
            runRounds(scenario, results, factories);
        } finally {
            for (ProviderUnderTest p : providers) {
                try {
                    Bounded.call(p.name() + " stop", START_STOP_LIMIT, () -> {
                        p.stop();
                        return null;
                    });
                } catch (Throwable t) {
                    progress.printf("[%s] %s stop failed: %s%n", scenario.id(), p.name(), Bounded.reason(t));
                }
            }
        }
        return new ScenarioResult(scenario, results);
    }

    /**
     * Warms the JVM up before the first scenario (class loading, JIT of both providers' hot
     * paths) by running {@code scenario} once per provider for {@code duration}, unmeasured.
     * Failures are only reported on the progress stream: the scenarios report them again.
     */
    public void warmUpJvm(Scenario scenario, Duration duration) {
        progress.printf("[JVM warm-up] %s, %d s per provider%n", scenario.id(), duration.toSeconds());
        for (ProviderUnderTest p : providers) {
            try {
                ConnectionFactory factory = Bounded.call(p.name() + " start", START_STOP_LIMIT,
                        () -> p.start(scenario.broker()));
                Sample sample = runIteration(scenario, factory,
                        new RunContext("bench.jvm-warm-up." + p.id(), mode, duration, control(p, new HashMap<>())));
                progress.printf("[JVM warm-up] %-8s %s%n", p.name(), sample);
            } catch (Throwable t) {
                progress.printf("[JVM warm-up] %-8s n/a (%s)%n", p.name(), Bounded.reason(t));
            } finally {
                try {
                    Bounded.call(p.name() + " stop", START_STOP_LIMIT, () -> {
                        p.stop();
                        return null;
                    });
                } catch (Throwable t) {
                    progress.printf("[JVM warm-up] %s stop failed: %s%n", p.name(), Bounded.reason(t));
                }
            }
        }
    }

    private void runRounds(Scenario scenario, Map<String, ProviderResult> results,
                           Map<String, ConnectionFactory> factories) {
        int warmups = scenario.warmups(mode);
        int rounds = warmups + scenario.iterations(mode);
        List<ProviderUnderTest> reversed = new ArrayList<>(providers);
        Collections.reverse(reversed);
        for (int round = 0; round < rounds; round++) {
            for (ProviderUnderTest p : round % 2 == 0 ? providers : reversed) {
                ProviderResult result = results.get(p.id());
                if (result.failed()) {
                    continue;
                }
                String label = round < warmups ? "warm-up " + (round + 1) + "/" + warmups
                        : "iteration " + (round - warmups + 1) + "/" + (rounds - warmups);
                RunContext context = new RunContext(
                        "bench." + scenario.id() + "." + p.id() + "." + round, mode,
                        round < warmups ? mode.warmupDuration() : mode.duration(), control(p, factories));
                try {
                    Sample sample = runIteration(scenario, factories.get(p.id()), context);
                    if (round >= warmups) {
                        result.add(sample);
                    }
                    progress.printf("[%s] %-8s %-15s %s%n", scenario.id(), p.name(), label, sample);
                } catch (Throwable t) {
                    fail(scenario, p, result, label + ": " + Bounded.reason(t));
                }
            }
        }
    }

    private Sample runIteration(Scenario scenario, ConnectionFactory factory, RunContext context)
            throws Exception {
        return Bounded.call("iteration", scenario.iterationTimeout(mode), () -> {
            try (ScenarioRun run = scenario.setup(factory, context)) {
                return run.run();
            }
        });
    }

    /**
     * Restarts {@code p}'s broker; the factory of the new broker replaces the old one in
     * {@code factories} (read by the harness thread for later iterations, written by the
     * iteration's thread, hence a synchronized map in {@link #run}; a fake provider's factory may be null).
     */
    private static BrokerControl control(ProviderUnderTest p, Map<String, ConnectionFactory> factories) {
        return new BrokerControl() {
            @Override
            public void stopKeepingData() throws Exception {
                p.stopKeepingData();
            }

            @Override
            public ConnectionFactory startAgain() throws Exception {
                ConnectionFactory f = p.startAgain();
                factories.put(p.id(), f);
                return f;
            }
        };
    }

    private void fail(Scenario scenario, ProviderUnderTest p, ProviderResult result, String reason) {
        result.fail(reason);
        progress.printf("[%s] %-8s n/a (%s)%n", scenario.id(), p.name(), reason);
    }
}
