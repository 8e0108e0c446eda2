package dev.ferrymq.spi.config;

import java.util.Map;
import java.util.Objects;

/**
 * The typed options an engine is started or joined with: what the facade parsed from the URL,
 * the factory's properties and JNDI against the engine's {@link DeclaredOptions}, or what code
 * built with {@link #with} and {@link #withDestination}. The engine reads values; it never parses
 * text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param engine       the engine-wide values
 * @param destinations the per-destination values
 */
public record EngineOptions(OptionValues engine, DestinationOptions destinations) {

    private static final EngineOptions DEFAULTS = new EngineOptions(OptionValues.defaults(), DestinationOptions.defaults());

    public EngineOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(destinations, "destinations");
    }

    /** Every option at its default. */
    public static EngineOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with engine-wide {@code option} set to {@code value}.
     *
     * @throws IllegalArgumentException naming the option when the value breaks its rules
     */
    public <T> EngineOptions with(Option<T> option, T value) {
        return new EngineOptions(engine.with(option, value), destinations);
    }

    /**
     * These options with per-destination {@code option} set to {@code value} for the destinations
     * matching {@code pattern}, or for all of them when {@code pattern} is {@code null}.
     *
     * @throws IllegalArgumentException naming the option when the value breaks its rules
     */
    public <T> EngineOptions withDestination(Option<T> option, String pattern, T value) {
        return new EngineOptions(engine, destinations.with(option, pattern, value));
    }

    /**
     * Every value given, by its key ({@code <option>}, or {@code <option>@<pattern>} for a
     * per-destination one), engine-wide ones first.
     */
    public Map<String, Object> given() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        engine.given().forEach((o, v) -> out.put(o.name(), v));
        out.putAll(destinations.given());
        return out;
    }
}
