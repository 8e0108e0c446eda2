package dev.ferrymq.engine;

import dev.ferrymq.spi.config.DestinationOptions;
import dev.ferrymq.spi.config.EngineOptions;
import dev.ferrymq.spi.config.OptionValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The options a running broker was started with, to tell a later connection that gives other
 * values: broker options take effect when the broker starts, so those values are ignored, and
 * the connection's code or configuration should hear of it rather than find out later. Values
 * are compared typed: {@code store=MEMORY} and {@code store=memory} are the same value, and so
 * is a value given that equals the default the broker runs with.
 *
 * <p>Thread-safe: immutable but for the set of differences already reported (each is logged once).
 */
final class StartOptions {

    /** The logger of {@code Brokers}, where users look for what happened when a broker started. */
    private static final System.Logger LOG = System.getLogger("dev.ferrymq.engine.Brokers");

    private final String broker;
    private final EngineOptions options;
    private final Map<String, Object> given;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    StartOptions(String broker, EngineOptions options) {
        this.broker = broker;
        this.options = options;
        this.given = options.given();
    }

    /**
     * The options {@code other} gives whose value differs from the one the broker runs with, as
     * {@code name=given (running: value)}; an option the broker was started without runs with its
     * default, a destination pattern it was started without is "not set".
     */
    List<String> differences(EngineOptions other) {
        List<String> out = new ArrayList<>();
        compare(other.engine(), options.engine(), out);
        compare(other.destinations().forEveryDestination(), options.destinations().forEveryDestination(), out);
        other.destinations().given().forEach((key, value) -> {
            if (key.indexOf(DestinationOptions.PATTERN_SEPARATOR) >= 0 && !Objects.equals(given.get(key), value)) {
                Object running = given.get(key);
                out.add(key + "=" + text(value) + " (running: " + (running == null ? "not set" : text(running)) + ")");
            }
        });
        out.sort(null);
        return out;
    }

    private static void compare(OptionValues other, OptionValues running, List<String> out) {
        other.given().forEach((option, value) -> {
            Object current = running.get(option);
            if (!Objects.equals(current, value)) {
                out.add(option.name() + "=" + text(value) + " (running: " + text(current)
                        + (running.isSet(option) ? "" : ", its default") + ")");
            }
        });
    }

    /** Logs a warning naming the differences of {@code other}, once for each distinct set of them. */
    void warnIfDifferent(EngineOptions other) {
        List<String> diff = differences(other);
        if (!diff.isEmpty() && reported.add(String.join(", ", diff))) {
            LOG.log(System.Logger.Level.WARNING, "broker '" + broker + "' is already running, so these options of a "
                    + "new connection are ignored (broker options take effect when the broker starts; stop it "
                    + "with Brokers.stop to start it again with them): " + String.join(", ", diff));
        }
    }

    private static String text(Object value) {
        return value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : String.valueOf(value);
    }
}
