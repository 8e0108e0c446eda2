package dev.ferrymq.tck.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * All provider test results of this JVM, and the compatibility report built from them
 * ({@code <tck.reportDir>/index.html} and {@code index.md}): per specification section the number
 * of test cases and passed/failed/skipped per provider, then every failure and every exclusion.
 *
 * <p>Thread-safe: all access synchronized on the instance.
 */
final class CompatResults {

    enum Outcome { PASSED, FAILED, SKIPPED }

    record Result(String section, String testId, String caseName, String provider, Outcome outcome, String detail) {
        String caseId() {
            return caseName == null ? testId : testId + "[" + caseName + "]";
        }
    }

    private static final CompatResults INSTANCE = new CompatResults();

    private final List<Result> results = new ArrayList<>();

    static CompatResults get() {
        return INSTANCE;
    }

    synchronized void add(Result r) {
        results.add(r);
    }

    synchronized void writeReport() {
        if (results.isEmpty()) {
            return;
        }
        Path dir = Path.of(System.getProperty("tck.reportDir", "target/compat-report"));
        List<String> providers = results.stream().map(Result::provider).distinct().sorted().toList();
        Map<String, List<Result>> bySection = new TreeMap<>(CompatResults::compareSections);
        for (Result r : results) {
            bySection.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r);
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("index.md"), ReportFormat.markdown(providers, bySection, results));
            Files.writeString(dir.resolve("index.html"), ReportFormat.html(providers, bySection, results));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compatibility report to " + dir, e);
        }
    }

    /** Distinct test cases (ignoring the provider) in these results. */
    static int caseCount(List<Result> rs) {
        Set<String> ids = new LinkedHashSet<>();
        rs.forEach(r -> ids.add(r.caseId()));
        return ids.size();
    }

    static long count(List<Result> rs, String provider, Outcome outcome) {
        return rs.stream().filter(r -> r.provider().equals(provider) && r.outcome() == outcome).count();
    }


    /** Orders "3.4.10 ..." after "3.4.9 ...", and text-only sections last. */
    static int compareSections(String a, String b) {
        String[] na = a.split(" ", 2)[0].split("\\.");
        String[] nb = b.split(" ", 2)[0].split("\\.");
        for (int i = 0; i < Math.min(na.length, nb.length); i++) {
            int c = Comparator.<Integer>naturalOrder().compare(num(na[i]), num(nb[i]));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(na.length, nb.length);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int num(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
