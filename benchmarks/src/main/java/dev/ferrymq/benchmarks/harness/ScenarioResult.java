package dev.ferrymq.benchmarks.harness;

import java.util.Map;

/**
 * A scenario and each provider's outcome, keyed by provider id in run order. Immutable once
 * returned by {@link Harness#run}.
 */
public record ScenarioResult(Scenario scenario, Map<String, ProviderResult> byProvider) {

    /** The outcome of provider {@code id}, or null when that provider was not selected. */
    public ProviderResult of(String id) {
        return byProvider.get(id);
    }
}
