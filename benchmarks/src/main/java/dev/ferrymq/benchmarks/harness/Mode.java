package dev.ferrymq.benchmarks.harness;

import java.time.Duration;

/**
 * How long and how often each scenario runs. {@link #SHORT} keeps the whole run under five
 * minutes on two cores; {@link #FULL} gives steadier numbers. Immutable.
 */
public enum Mode {
    SHORT(Duration.ofSeconds(5), 1, Duration.ofSeconds(2), 3, Duration.ofSeconds(1), 2_000_000, 100_000,
            Duration.ofSeconds(30), Duration.ofSeconds(90)),
    FULL(Duration.ofSeconds(15), 2, Duration.ofSeconds(5), 5, Duration.ofSeconds(5), 20_000_000, 1_000_000,
            Duration.ofSeconds(60), Duration.ofSeconds(300));

    private final Duration jvmWarmup;
    private final int warmups;
    private final Duration warmupDuration;
    private final int iterations;
    private final Duration duration;
    private final long maxMessages;
    private final int pendingMessages;
    private final Duration drainTimeout;
    private final Duration iterationTimeout;

    Mode(Duration jvmWarmup, int warmups, Duration warmupDuration, int iterations, Duration duration, long maxMessages, int pendingMessages,
         Duration drainTimeout, Duration iterationTimeout) {
        this.jvmWarmup = jvmWarmup;
        this.warmups = warmups;
        this.warmupDuration = warmupDuration;
        this.iterations = iterations;
        this.duration = duration;
        this.maxMessages = maxMessages;
        this.pendingMessages = pendingMessages;
        this.drainTimeout = drainTimeout;
        this.iterationTimeout = iterationTimeout;
    }

    /** How long each provider runs S1, unmeasured, before the first scenario. */
    public Duration jvmWarmup() {
        return jvmWarmup;
    }

    /** Unmeasured iterations per provider before the measured ones. */
    public int warmups() {
        return warmups;
    }

    /** How long producers send in one warm-up iteration (longer than a measured one: JIT time). */
    public Duration warmupDuration() {
        return warmupDuration;
    }

    /** Measured iterations per provider. */
    public int iterations() {
        return iterations;
    }

    /** How long producers send in one measured iteration of a throughput or latency scenario. */
    public Duration duration() {
        return duration;
    }

    /** The most messages one iteration sends, whatever the duration. */
    public long maxMessages() {
        return maxMessages;
    }

    /** Messages left pending in the memory scenario. */
    public int pendingMessages() {
        return pendingMessages;
    }

    /** How long consumers may take to receive what was sent once producers stop. */
    public Duration drainTimeout() {
        return drainTimeout;
    }

    /** The hard limit of one iteration including setup and teardown; past it the cell is n/a. */
    public Duration iterationTimeout() {
        return iterationTimeout;
    }
}
