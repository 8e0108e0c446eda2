package dev.ferrymq.benchmarks;

import dev.ferrymq.benchmarks.harness.Mode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link BenchmarkMain}. Immutable.
 *
 * @param mode      {@code --short} (default) or {@code --full}
 * @param scenarios {@code --scenarios S1,S3}: ids or id prefixes; empty for all
 * @param providers {@code --providers ferrymq,artemis}: in this order; both by default
 */
public record BenchmarkOptions(Mode mode, List<String> scenarios, List<String> providers) {

    static final List<String> KNOWN_PROVIDERS = List.of("ferrymq", "artemis");

    static final String USAGE = """
            Usage: BenchmarkMain [--short | --full] [--scenarios S1,S3,...] [--providers ferrymq,artemis]
              --short      5 s JVM warm-up; per scenario a 2 s warm-up + 3 measured 1 s iterations per provider,
                           100k pending messages (default)
              --full       15 s JVM warm-up; per scenario 2 warm-ups + 5 measured iterations of 5 s per provider,
                           1M pending messages
              --scenarios  ids or prefixes: S1, S1-paced, S2, S3, S4, S5, S6, S7, MEM (default: all)
              --providers  ferrymq, artemis (default: both, alternating)""";

    /**
     * Parses {@code args}; an argument holding spaces is split (Maven passes {@code bench.args}
     * as one string in some set-ups).
     *
     * @throws IllegalArgumentException on an unknown option, a missing value or an unknown provider
     */
    public static BenchmarkOptions parse(String... args) {
        List<String> words = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(w -> !w.isEmpty()).toList();
        Mode mode = Mode.SHORT;
        List<String> scenarios = List.of();
        List<String> providers = KNOWN_PROVIDERS;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "--short" -> mode = Mode.SHORT;
                case "--full" -> mode = Mode.FULL;
                case "--scenarios" -> scenarios = list(words, ++i, w);
                case "--providers" -> providers = list(words, ++i, w).stream()
                        .map(p -> p.toLowerCase(Locale.ROOT)).toList();
                default -> throw new IllegalArgumentException("unknown argument '" + w + "'");
            }
        }
        for (String p : providers) {
            if (!KNOWN_PROVIDERS.contains(p)) {
                throw new IllegalArgumentException("unknown provider '" + p + "'; known: " + KNOWN_PROVIDERS);
            }
        }
        return new BenchmarkOptions(mode, scenarios, providers);
    }

    private static List<String> list(List<String> words, int i, String option) {
        if (i >= words.size() || words.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a comma-separated value");
        }
        return Arrays.stream(words.get(i).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
