package dev.ferrymq.benchmarks;

import dev.ferrymq.benchmarks.harness.Mode;
import dev.ferrymq.benchmarks.scenarios.Curves;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link BenchmarkMain}. Immutable.
 *
 * @param mode      {@code --short} (default) or {@code --full}
 * @param scenarios {@code --scenarios S1,S3}: ids or id prefixes; empty for all
 * @param providers {@code --providers ferrymq,artemis}: in this order; both by default
 * @param backlogMax {@code --backlog-max 10000000}: the largest backlog point of the cost curves
 *                  (CURVE-backlog), a multiple of {@link Curves#BACKLOG_UNIT}; 1,000,000 by default
 */
public record BenchmarkOptions(Mode mode, List<String> scenarios, List<String> providers, long backlogMax) {

    static final List<String> KNOWN_PROVIDERS = List.of("ferrymq", "artemis");

    static final String USAGE = """
            Usage: BenchmarkMain [--short | --full] [--scenarios S1,S3,...] [--providers ferrymq,artemis]
                                 [--backlog-max N]
              --short      5 s JVM warm-up; per scenario a 2 s warm-up + 3 measured 1 s iterations per provider,
                           100k pending messages (default)
              --full       15 s JVM warm-up; per scenario 2 warm-ups + 5 measured iterations of 5 s per provider,
                           1M pending messages
              --scenarios  ids or prefixes: S1, S1-paced, S2, S3, S4, S5, S6, S7, MEM (default: all);
                           the cost curves only when named: CURVE, CURVE-queues, CURVE-consumers, CURVE-backlog
              --providers  ferrymq, artemis (default: both, alternating)
              --backlog-max  largest CURVE-backlog point, a multiple of 1000 (default 1000000;
                           10000000 adds the 10M point: about 12 GiB of disk per provider)""";

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
        long backlogMax = Curves.DEFAULT_BACKLOG_MAX;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "--short" -> mode = Mode.SHORT;
                case "--full" -> mode = Mode.FULL;
                case "--scenarios" -> scenarios = list(words, ++i, w);
                case "--providers" -> providers = list(words, ++i, w).stream()
                        .map(p -> p.toLowerCase(Locale.ROOT)).toList();
                case "--backlog-max" -> backlogMax = backlogMax(words, ++i);
                default -> throw new IllegalArgumentException("unknown argument '" + w + "'");
            }
        }
        for (String p : providers) {
            if (!KNOWN_PROVIDERS.contains(p)) {
                throw new IllegalArgumentException("unknown provider '" + p + "'; known: " + KNOWN_PROVIDERS);
            }
        }
        return new BenchmarkOptions(mode, scenarios, providers, backlogMax);
    }

    private static long backlogMax(List<String> words, int i) {
        String value = i < words.size() ? words.get(i) : "";
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--backlog-max needs a number of messages, got '" + value + "'");
        }
        if (n <= 0 || n % Curves.BACKLOG_UNIT != 0) {
            throw new IllegalArgumentException("--backlog-max must be a positive multiple of " + Curves.BACKLOG_UNIT
                    + ", got " + n);
        }
        return n;
    }

    private static List<String> list(List<String> words, int i, String option) {
        if (i >= words.size() || words.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a comma-separated value");
        }
        return Arrays.stream(words.get(i).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
