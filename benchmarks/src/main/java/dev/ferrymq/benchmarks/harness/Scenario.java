package dev.ferrymq.benchmarks.harness;

import dev.ferrymq.benchmarks.providers.BrokerSettings;

import jakarta.jms.ConnectionFactory;

import java.time.Duration;
import java.util.List;

/**
 * A benchmark scenario written against {@code jakarta.jms} only, so that every provider runs the
 * same code. Implementations are stateless and thread-safe; the state of one iteration lives in
 * the {@link ScenarioRun} that {@link #setup} returns.
 */
public interface Scenario {

    /** Short id used on the command line, e.g. {@code S3-p4}. */
    String id();

    /** One line saying what is measured, e.g. {@code queue, persistent, 4 producers}. */
    String description();

    /** The broker this scenario needs (persistence, memory limits). */
    BrokerSettings broker();

    /** The rows this scenario prints, in order; every {@link Sample} it returns fills them. */
    List<Metric> metrics();

    /** Opens connections, sessions, producers and consumers; nothing here is timed. */
    ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception;

    /** Unmeasured iterations per provider; the mode's by default. */
    default int warmups(Mode mode) {
        return mode.warmups();
    }

    /** Measured iterations per provider; the mode's by default. */
    default int iterations(Mode mode) {
        return mode.iterations();
    }

    /**
     * The hard limit of one iteration, setup and teardown included; the mode's by default. A
     * scenario whose work grows with a parameter (a backlog of millions of messages) says its own.
     */
    default Duration iterationTimeout(Mode mode) {
        return mode.iterationTimeout();
    }
}
