package dev.ferrymq.benchmarks;

import dev.ferrymq.benchmarks.harness.Harness;
import dev.ferrymq.benchmarks.harness.ReportPrinter;
import dev.ferrymq.benchmarks.harness.Scenario;
import dev.ferrymq.benchmarks.harness.ScenarioResult;
import dev.ferrymq.benchmarks.providers.ArtemisProvider;
import dev.ferrymq.benchmarks.providers.FerryMqProvider;
import dev.ferrymq.benchmarks.providers.ProviderUnderTest;
import dev.ferrymq.benchmarks.scenarios.Scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the selected scenarios on the selected providers and prints the comparison table to
 * standard output (progress goes to standard error). See benchmarks/README.md for the command.
 * Exits 0 even when cells are {@code n/a}; 2 on bad arguments. Runs on the main thread; the
 * harness runs each iteration on a thread of its own.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("--fuzz")) {
            dev.ferrymq.benchmarks.fuzz.FuzzMain.main(args);
            return;
        }
        BenchmarkOptions options;
        List<Scenario> scenarios;
        try {
            options = BenchmarkOptions.parse(args);
            scenarios = options.scenarios().isEmpty() ? Scenarios.all() : Scenarios.select(options.scenarios(),
                    options.backlogMax());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        List<ProviderUnderTest> providers = new ArrayList<>();
        for (String id : options.providers()) {
            providers.add(id.equals("artemis") ? new ArtemisProvider() : new FerryMqProvider());
        }
        Runtime rt = Runtime.getRuntime();
        System.err.printf(Locale.ROOT, "FerryMQ benchmarks, %s mode: %d scenario(s), providers %s; "
                        + "Java %s, %d CPU(s), max heap %d MiB%n",
                options.mode().name().toLowerCase(Locale.ROOT), scenarios.size(), options.providers(),
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20);
        long start = System.nanoTime();
        Harness harness = new Harness(options.mode(), providers, System.err);
        harness.warmUpJvm(Scenarios.all().get(0), options.mode().jvmWarmup());
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            results.add(harness.run(s));
        }
        new ReportPrinter().print(results, options.mode(), System.out);
        System.out.printf(Locale.ROOT, "%nTotal time: %.0f s%n", (System.nanoTime() - start) / 1e9);
        System.out.flush();
        System.exit(0);
    }
}
