package dev.ferrymq.spi.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for a declared set of {@link Option}s, parsed from text (a URL query, JNDI properties).
 * Immutable.
 */
public final class OptionValues {

    private final Map<Option<?>, Object> values;

    private OptionValues(Map<Option<?>, Object> values) {
        this.values = values;
    }

    /**
     * Parses {@code text} against {@code declared}.
     *
     * @throws IllegalArgumentException naming the option when one is unknown or its value invalid
     */
    public static OptionValues parse(Collection<? extends Option<?>> declared, Map<String, String> text) {
        Map<String, Option<?>> byName = new HashMap<>();
        for (Option<?> o : declared) {
            byName.put(o.name(), o);
        }
        Map<Option<?>, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : text.entrySet()) {
            Option<?> o = byName.get(e.getKey());
            if (o == null) {
                throw new IllegalArgumentException("unknown option '" + e.getKey() + "' (known: "
                        + new java.util.TreeSet<>(byName.keySet()) + ")");
            }
            values.put(o, o.parse(e.getValue()));
        }
        return new OptionValues(values);
    }

    public static OptionValues defaults() {
        return new OptionValues(Map.of());
    }

    /** The value given for {@code option}, else its default. */
    public <T> T get(Option<T> option) {
        Object v = values.get(option);
        return v == null ? option.defaultValue() : option.type().cast(v);
    }

    public boolean isSet(Option<?> option) {
        return values.containsKey(option);
    }
}
