package dev.ferrymq.spi.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The options an engine declares (see {@link dev.ferrymq.spi.EngineProvider#options()}): the
 * engine-wide ones, given as {@code <option>=<value>}, and the per-destination ones, given as
 * {@code <option>=<value>} or {@code <option>@<pattern>=<value>} (see {@link DestinationOptions}).
 * The facade parses text against these, once, and hands the engine {@link EngineOptions}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param engine         the engine-wide options
 * @param perDestination the options that may differ per destination
 */
public record DeclaredOptions(List<Option<?>> engine, List<Option<?>> perDestination) {

    public DeclaredOptions {
        engine = List.copyOf(engine);
        perDestination = List.copyOf(perDestination);
    }

    /** Whether {@code key} names one of these options ({@code <option>@<pattern>} for a per-destination one). */
    public boolean accepts(String key) {
        return DestinationOptions.isKey(perDestination, key) || engine.stream().anyMatch(o -> o.name().equals(key));
    }

    /** The names of all these options, sorted: for messages. */
    public TreeSet<String> names() {
        TreeSet<String> names = new TreeSet<>();
        engine.forEach(o -> names.add(o.name()));
        perDestination.forEach(o -> names.add(o.name()));
        return names;
    }

    /**
     * Reads options against these declarations: each value as text (e.g. a URL query's) to parse,
     * or typed to check (see {@link Option#valueOf}). The only place engine options are read
     * from text.
     *
     * @throws IllegalArgumentException naming the option when one is unknown or its value invalid
     */
    public EngineOptions parse(Map<String, ?> given) {
        Map<String, Object> engineText = new LinkedHashMap<>();
        Map<String, Object> destinationText = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        given.forEach((k, v) -> {
            if (DestinationOptions.isKey(perDestination, k)) {
                destinationText.put(k, v);
            } else if (engine.stream().anyMatch(o -> o.name().equals(k))) {
                engineText.put(k, v);
            } else {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option '" + unknown.get(0) + "' (known: " + names() + ")");
        }
        return new EngineOptions(OptionValues.parse(engine, engineText),
                DestinationOptions.parse(perDestination, destinationText));
    }
}
