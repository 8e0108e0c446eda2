package dev.ferrymq.benchmarks.harness;

import java.util.Objects;

/**
 * One printed row of a scenario: what is measured, its unit and the target. Immutable;
 * compared by identity of its label within a scenario.
 *
 * @param label  e.g. {@code throughput} or {@code p99 one-way latency}
 * @param unit   how values print
 * @param target the goal, or {@link Target#NONE}
 */
public record Metric(String label, Unit unit, Target target) {

    public Metric {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(target, "target");
    }

    public static Metric of(String label, Unit unit) {
        return new Metric(label, unit, Target.NONE);
    }
}
