package dev.ferrymq.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One provider's outcome for one scenario: the measured samples, or why there are none (or why
 * the later iterations are missing). Filled by the harness thread only.
 */
public final class ProviderResult {

    private final String providerId;
    private final List<Sample> samples = new ArrayList<>();
    private String failure;

    public ProviderResult(String providerId) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
    }

    public String providerId() {
        return providerId;
    }

    void add(Sample sample) {
        samples.add(sample);
    }

    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    /** True once an iteration (or the start) failed; no further iterations run. */
    public boolean failed() {
        return failure != null;
    }

    /** Why the provider has no (or fewer) samples, or null. */
    public String failure() {
        return failure;
    }

    /**
     * The stats of {@code metric}, or null when the provider failed or never produced it. A provider
     * that failed after some iterations has no stats: a partial median would mislead.
     */
    public Stats stats(Metric metric) {
        if (failed()) {
            return null;
        }
        List<Double> values = new ArrayList<>();
        for (Sample s : samples) {
            Double v = s.get(metric);
            if (v != null && !v.isNaN()) {
                values.add(v);
            }
        }
        return Stats.of(values);
    }
}
