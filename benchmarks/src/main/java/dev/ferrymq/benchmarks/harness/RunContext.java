package dev.ferrymq.benchmarks.harness;

import java.time.Duration;
import java.util.Objects;

/**
 * What one iteration of a scenario may use. Immutable.
 *
 * @param destinationPrefix unique for this iteration and provider, so no iteration sees another's
 *                          leftovers; scenarios append their own suffixes
 * @param mode              budgets (message cap, drain timeout, pending messages)
 * @param duration          how long producers send in this iteration (warm-up or measured)
 * @param broker            restarts the broker on its data (restart curve); other scenarios ignore it
 */
public record RunContext(String destinationPrefix, Mode mode, Duration duration, BrokerControl broker) {

    public RunContext {
        Objects.requireNonNull(destinationPrefix, "destinationPrefix");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(broker, "broker");
    }

    /** The instant (System.nanoTime) at which producers stop, if started now. */
    public long deadlineFromNow() {
        return System.nanoTime() + duration.toNanos();
    }
}
