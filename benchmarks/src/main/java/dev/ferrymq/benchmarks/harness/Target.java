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
 */
public record Target(String text, double atLeast, double below, double minRatio) {

    /** No goal for this metric. */
    public static final Target NONE = new Target("-", Double.NaN, Double.NaN, Double.NaN);

    public static Target atLeast(double value, String text) {
        return new Target(text, value, Double.NaN, Double.NaN);
    }

    public static Target below(double value, String text) {
        return new Target(text, Double.NaN, value, Double.NaN);
    }

    /** This target with an added "at least {@code ratio} times Artemis" condition. */
    public Target andRatio(double ratio) {
        String t = text + String.format(Locale.ROOT, " and >= %.0fx Artemis", ratio);
        return new Target(t, atLeast, below, ratio);
    }

    /**
     * {@code met}, {@code MISSED}, or {@code ?} when FerryMQ (or Artemis, for a relative goal) has
     * no value; {@code -} when there is no goal.
     *
     * @param ferry   FerryMQ's median, or null when not measured
     * @param artemis Artemis's median, or null when not measured
     */
    public String verdict(Double ferry, Double artemis) {
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
