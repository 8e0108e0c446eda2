package dev.ferrymq.benchmarks.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results as one table: a row per scenario metric with FerryMQ's and Artemis's
 * median [min..max], the FerryMQ/Artemis ratio of medians, the target and whether
 * FerryMQ meets it; then the scenario legend and the full reasons of every {@code n/a} cell.
 * Stateless; thread-safe.
 */
public final class ReportPrinter {

    private static final String FERRY = "ferrymq";
    private static final String ARTEMIS = "artemis";
    private static final int REASON_WIDTH = 48;
    private static final String[] HEADER =
            {"Scenario", "Measure", "FerryMQ", "Artemis", "FerryMQ/Artemis", "Target (FerryMQ)", "FerryMQ vs target"};

    public void print(List<ScenarioResult> results, Mode mode, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ScenarioResult r : results) {
            boolean first = true;
            for (Metric m : r.scenario().metrics()) {
                ProviderResult ferry = r.of(FERRY);
                ProviderResult artemis = r.of(ARTEMIS);
                Stats f = ferry == null ? null : ferry.stats(m);
                Stats a = artemis == null ? null : artemis.stats(m);
                rows.add(new String[] {
                    first ? r.scenario().id() : "",
                    m.label(),
                    cell(ferry, f, m),
                    cell(artemis, a, m),
                    ratio(f, a),
                    m.target().text(),
                    m.target().verdict(f == null ? null : f.median(), a == null ? null : a.median(),
                            referenceMedian(results, m))});
                first = false;
            }
            addNote(notes, r, FERRY, "FerryMQ");
            addNote(notes, r, ARTEMIS, "Artemis");
        }
        out.printf(Locale.ROOT, "%nFerryMQ vs ActiveMQ Artemis, embedded in-VM, 1 KiB bodies, %s mode "
                + "(%d measured iteration(s) per provider; median [min..max])%n%n", mode.name().toLowerCase(Locale.ROOT),
                mode.iterations());
        printTable(rows, out);
        out.println();
        out.println("Scenarios:");
        for (ScenarioResult r : results) {
            out.printf("  %-10s %s%n", r.scenario().id(), r.scenario().description());
        }
        if (!notes.isEmpty()) {
            out.println();
            out.println("n/a reasons:");
            notes.forEach(n -> out.println("  " + n));
        }
        out.println();
        out.println("Ratio = FerryMQ median / Artemis median: above 1 is better for rates, below 1 is "
                + "better for latencies and bytes.");
    }

    /** FerryMQ's median of {@code metric}'s label in the scenario its target refers to, or null. */
    private static Double referenceMedian(List<ScenarioResult> results, Metric metric) {
        String reference = metric.target().reference();
        if (reference == null) {
            return null;
        }
        for (ScenarioResult r : results) {
            ProviderResult ferry = r.of(FERRY);
            if (!r.scenario().id().equals(reference) || ferry == null) {
                continue;
            }
            for (Metric m : r.scenario().metrics()) {
                Stats s = m.label().equals(metric.label()) ? ferry.stats(m) : null;
                if (s != null) {
                    return s.median();
                }
            }
        }
        return null;
    }

    private static String cell(ProviderResult result, Stats stats, Metric metric) {
        if (result == null) {
            return "not run";
        }
        if (result.failed()) {
            String reason = result.failure();
            return "n/a (" + (reason.length() > REASON_WIDTH ? reason.substring(0, REASON_WIDTH - 3) + "..." : reason) + ")";
        }
        if (stats == null) {
            return "n/a (no value)";
        }
        String median = metric.unit().format(stats.median());
        if (stats.count() < 2) {
            return median;
        }
        return median + " [" + metric.unit().formatBare(stats.min()) + ".." + metric.unit().formatBare(stats.max()) + "]";
    }

    private static String ratio(Stats ferry, Stats artemis) {
        if (ferry == null || artemis == null || artemis.median() == 0) {
            return "n/a";
        }
        double r = ferry.median() / artemis.median();
        return String.format(Locale.ROOT, r >= 10 ? "%.0fx" : "%.2fx", r);
    }

    private static void addNote(List<String> notes, ScenarioResult r, String id, String name) {
        ProviderResult p = r.of(id);
        if (p != null && p.failed()) {
            notes.add(r.scenario().id() + " " + name + ": " + p.failure());
        }
    }

    private static void printTable(List<String[]> rows, PrintStream out) {
        int[] widths = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            widths[i] = HEADER[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        printRow(HEADER, widths, out);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (String[] row : rows) {
            if (!row[0].isEmpty() && row != rows.get(0)) {
                out.println(rule.toString().replace('-', ' ').replace('+', '|').stripTrailing());
            }
            printRow(row, widths, out);
        }
    }

    private static void printRow(String[] cells, int[] widths, PrintStream out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(" | ");
            }
            line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", cells[i]));
        }
        out.println(line.toString().stripTrailing());
    }
}
