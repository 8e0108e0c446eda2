package dev.ferrymq.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The options a running broker was started with, to tell a later connection that gives other
 * values: broker options take effect when the broker starts, so those values are ignored, and
 * the connection's code or configuration should hear of it rather than find out later.
 *
 * <p>Thread-safe: immutable but for the set of differences already reported (each is logged once).
 */
final class StartOptions {

    private static final System.Logger LOG = System.getLogger(Brokers.class.getName());

    private final String broker;
    private final Map<String, String> options;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    StartOptions(String broker, Map<String, String> options) {
        this.broker = broker;
        this.options = options == null ? Map.of() : Map.copyOf(options);
    }

    /**
     * The options of {@code given} whose value differs from the one the broker started with (or
     * that it started without), as {@code name=given (running: value)}.
     */
    List<String> differences(Map<String, String> given) {
        List<String> out = new ArrayList<>();
        if (given != null) {
            given.forEach((k, v) -> {
                String running = options.get(k);
                if (!Objects.equals(running == null ? null : running.trim(), v == null ? null : v.trim())) {
                    out.add(k + "=" + v + " (running: " + (running == null ? "not set, so its default" : running) + ")");
                }
            });
        }
        out.sort(null);
        return out;
    }

    /** Logs a warning naming the differences of {@code given}, once for each distinct set of them. */
    void warnIfDifferent(Map<String, String> given) {
        List<String> diff = differences(given);
        if (!diff.isEmpty() && reported.add(String.join(", ", diff))) {
            LOG.log(System.Logger.Level.WARNING, "broker '" + broker + "' is already running, so these options of a "
                    + "new connection are ignored (broker options take effect when the broker starts; stop it "
                    + "with Brokers.stop to start it again with them): " + String.join(", ", diff));
        }
    }
}
