package dev.ferrymq.benchmarks.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one measured iteration of a scenario produced: one value per {@link Metric}. Filled by the
 * thread that ran the iteration, then only read; not thread-safe while being filled.
 */
public final class Sample {

    private final Map<Metric, Double> values = new LinkedHashMap<>();

    public Sample put(Metric metric, double value) {
        values.put(metric, value);
        return this;
    }

    /** The value of {@code metric}, or null when this iteration did not produce it. */
    public Double get(Metric metric) {
        return values.get(metric);
    }

    public Map<Metric, Double> values() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((m, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(m.label()).append(' ').append(m.unit().format(v));
        });
        return sb.toString();
    }
}
