package dev.ferrymq.benchmarks.fuzz;

import dev.ferrymq.fuzz.FuzzRun;
import dev.ferrymq.fuzz.Targets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The full fuzz run of bad input: {@code --fuzz [inputs] [seed]} through the bench profile, e.g.
 * {@code mvn -B -q -Pbench -pl benchmarks -am package -DskipTests -Dbench.args="--fuzz 1000000"}.
 * Runs each target of {@link Targets} on {@code inputs} seeded inputs (default 1,000,000 each),
 * with a 5 s per-input timeout, prints each target's outcome counts and any failure, and exits
 * with 1 when anything failed or hung. The provider's {@code FuzzSampleTest} runs a 20,000-input
 * sample of the same targets in CI.
 */
public final class FuzzMain {

    private static final long DEFAULT_INPUTS = 1_000_000;
    private static final long DEFAULT_SEED = 20261206L;
    private static final long TIMEOUT_MILLIS = 5000;

    private FuzzMain() {
    }

    /** {@code args}: {@code --fuzz}, then optionally the inputs per target and the seed. */
    public static void main(String[] args) throws InterruptedException {
        long inputs = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : DEFAULT_INPUTS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        Map<String, FuzzRun.Target> targets = new LinkedHashMap<>();
        targets.put("selector", Targets.SELECTOR);
        targets.put("codec", Targets.CODEC);
        targets.put("body readers", Targets.BODY_READERS);
        targets.put("property names", Targets.PROPERTY_NAMES);
        boolean ok = true;
        long total = 0;
        long start = System.nanoTime();
        for (Map.Entry<String, FuzzRun.Target> t : targets.entrySet()) {
            long began = System.nanoTime();
            FuzzRun.Report report = FuzzRun.run(t.getKey(), t.getValue(), seed, inputs, TIMEOUT_MILLIS);
            System.out.println(report + String.format(" (%.1f s)", (System.nanoTime() - began) / 1e9));
            ok &= report.ok();
            total += report.inputs();
        }
        System.out.printf("fuzz: %,d inputs in %.1f s, seed %d: %s%n", total, (System.nanoTime() - start) / 1e9, seed,
                ok ? "only documented outcomes, no hang" : "FAILED");
        System.exit(ok ? 0 : 1);
    }
}
