package dev.ferrymq.benchmarks.harness;

import java.util.Locale;

/** The unit of a {@link Metric}: how its values print and which direction is better. Immutable. */
public enum Unit {
    /** Messages (or deliveries, or round trips) per second; higher is better. */
    PER_SECOND(true),
    /** Microseconds; lower is better. */
    MICROS(false),
    /** Bytes; lower is better. */
    BYTES(false),
    /** Bytes printed in mebibytes, e.g. {@code 3.2 MiB}; lower is better. */
    MEBIBYTES(false),
    /** A dimensionless fraction of a reference, e.g. {@code 0.83x}; higher is better. */
    FRACTION(true),
    /** A number of messages, e.g. {@code 1,000,000}; higher is better (more accepted). */
    COUNT(true),
    /** Seconds, e.g. {@code 2.41 s}; lower is better. */
    SECONDS(false);

    private static final double MIB = 1024 * 1024;

    private final boolean higherIsBetter;

    Unit(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The value as printed in the table, e.g. {@code 412.3k/s}, {@code 57.1 us}, {@code 1,234 B}. */
    public String format(double value) {
        return switch (this) {
            case PER_SECOND -> compact(value) + "/s";
            case MICROS -> value >= 100 ? String.format(Locale.ROOT, "%,.0f us", value)
                    : String.format(Locale.ROOT, "%.1f us", value);
            case BYTES -> String.format(Locale.ROOT, "%,.0f B", value);
            case MEBIBYTES -> String.format(Locale.ROOT, "%.1f MiB", value / MIB);
            case FRACTION -> String.format(Locale.ROOT, "%.2fx", value);
            case COUNT -> String.format(Locale.ROOT, "%,.0f", value);
            case SECONDS -> String.format(Locale.ROOT, "%.2f s", value);
        };
    }

    /** The number alone in the same compact style, used for spreads. */
    public String formatBare(double value) {
        return switch (this) {
            case PER_SECOND -> compact(value);
            case MICROS -> value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                    : String.format(Locale.ROOT, "%.1f", value);
            case BYTES -> String.format(Locale.ROOT, "%,.0f", value);
            case MEBIBYTES -> String.format(Locale.ROOT, "%.1f", value / MIB);
            case FRACTION -> String.format(Locale.ROOT, "%.2f", value);
            case COUNT -> String.format(Locale.ROOT, "%,.0f", value);
            case SECONDS -> String.format(Locale.ROOT, "%.2f", value);
        };
    }

    private static String compact(double v) {
        if (v >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", v / 1_000_000);
        }
        if (v >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", v / 1_000);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
