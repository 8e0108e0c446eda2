package dev.ferrymq.benchmarks.harness;

import java.util.Locale;

/**
 * The performance issue's goal for one metric, judged against FerryMQ's median and, where the
 * goal is relative, Artemis's median. Immutable.
 *
 * @param text     as printed, e.g. {@code >= 400k/s and >= 15x Artemis}
 * @param atLeast  the lowest acceptable value, or NaN
 * @param below    the value to stay strictly under, or NaN
 * @param minRatio the lowest acceptable FerryMQ/Artemis ratio, or NaN
 * @param reference the id of the scenario whose FerryMQ median of the metric with the same label
 *                  is the base of {@code ofReference}, or null
 * @param ofReference the lowest acceptable FerryMQ median as a fraction of the reference's, or NaN
 */
public record Target(String text, double atLeast, double below, double minRatio, String reference,
                     double ofReference) {

    /** No goal for this metric. */
    public static final Target NONE = new Target("-", Double.NaN, Double.NaN, Double.NaN, null, Double.NaN);

    public static Target atLeast(double value, String text) {
        return new Target(text, value, Double.NaN, Double.NaN, null, Double.NaN);
    }

    public static Target below(double value, String text) {
        return new Target(text, Double.NaN, value, Double.NaN, null, Double.NaN);
    }

    /**
     * At least {@code fraction} of FerryMQ's median of the same metric in scenario
     * {@code scenarioId} of the same run (e.g. a free-running rate against the windowed one).
     */
    public static Target ofScenario(String scenarioId, double fraction) {
        return new Target(String.format(Locale.ROOT, ">= %.1fx %s", fraction, scenarioId), Double.NaN, Double.NaN,
                Double.NaN, scenarioId, fraction);
    }

    /** This target with an added "at least {@code ratio} times Artemis" condition. */
    public Target andRatio(double ratio) {
        String t = text + String.format(Locale.ROOT, " and >= %.0fx Artemis", ratio);
        return new Target(t, atLeast, below, ratio, reference, ofReference);
    }

    /**
     * {@link #verdict(Double, Double)} with the reference scenario's FerryMQ median, for a target
     * made by {@link #ofScenario}: {@code ? (S1 not run)} when that scenario has no value.
     *
     * @param referenceMedian FerryMQ's median of the same metric in {@link #reference()}, or null
     */
    public String verdict(Double ferry, Double artemis, Double referenceMedian) {
        if (reference == null) {
            return verdict(ferry, artemis);
        }
        if (ferry == null) {
            return "?";
        }
        if (referenceMedian == null || referenceMedian <= 0) {
            return "? (no " + reference + ")";
        }
        String ratio = String.format(Locale.ROOT, "%.2fx: ", ferry / referenceMedian);
        return ratio + (ferry >= ofReference * referenceMedian ? "met" : "MISSED");
    }

    /**
     * {@code met}, {@code MISSED}, or {@code ?} when FerryMQ (or Artemis, for a relative goal) has
     * no value; {@code -} when there is no goal.
     *
     * @param ferry   FerryMQ's median, or null when not measured
     * @param artemis Artemis's median, or null when not measured
     */
    public String verdict(Double ferry, Double artemis) {
        if (reference != null) {
            return verdict(ferry, artemis, null);
        }
        if (this == NONE || (Double.isNaN(atLeast) && Double.isNaN(below) && Double.isNaN(minRatio))) {
            return "-";
        }
        if (ferry == null) {
            return "?";
        }
        boolean ok = (Double.isNaN(atLeast) || ferry >= atLeast) && (Double.isNaN(below) || ferry < below);
        if (!Double.isNaN(minRatio)) {
            if (artemis == null || artemis <= 0) {
                return ok ? "? (no Artemis)" : "MISSED";
            }
            ok &= ferry / artemis >= minRatio;
        }
        return ok ? "met" : "MISSED";
    }
}
