package dev.ferrymq.benchmarks.harness;

import java.util.Objects;

/**
 * What one iteration of a scenario may use. Immutable.
 *
 * @param destinationPrefix unique for this iteration and provider, so no iteration sees another's
 *                          leftovers; scenarios append their own suffixes
 * @param mode              budgets (duration, message cap, drain timeout)
 */
public record RunContext(String destinationPrefix, Mode mode) {

    public RunContext {
        Objects.requireNonNull(destinationPrefix, "destinationPrefix");
        Objects.requireNonNull(mode, "mode");
    }

    /** The instant (System.nanoTime) at which producers stop, if started now. */
    public long deadlineFromNow() {
        return System.nanoTime() + mode.duration().toNanos();
    }
}
