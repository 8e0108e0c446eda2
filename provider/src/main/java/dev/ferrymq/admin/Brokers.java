package dev.ferrymq.admin;

import java.util.Set;

/**
 * The running in-JVM brokers by name: {@code vm://name} starts broker {@code name} when the first
 * connection to it is made, and it runs until {@link #stop} (or the JVM's end). Stop a broker to
 * release its data directory (the journal's lock), to start it afresh, or between tests.
 *
 * <p>Threading contract: thread-safe. {@link #stop} blocks its caller (at most ten seconds) until
 * the broker's connections are closed, except when called on an engine thread (e.g. from a
 * message listener), where it only starts stopping.
 */
public final class Brokers {

    private Brokers() {
    }

    /**
     * Stops broker {@code name} and forgets it: its connections get {@code onException} and are
     * closed, its consumers are closed. A later {@code vm://name} starts a fresh broker (empty, or
     * recovered from its data directory with {@code store=file}).
     *
     * @return whether a broker of that name was running
     */
    public static boolean stop(String name) {
        return dev.ferrymq.engine.Brokers.stop(name);
    }

    /** Whether broker {@code name} is running. */
    public static boolean isRunning(String name) {
        return dev.ferrymq.engine.Brokers.find(name) != null;
    }

    /** The names of the running brokers (a copy). */
    public static Set<String> names() {
        return dev.ferrymq.engine.Brokers.names();
    }
}
