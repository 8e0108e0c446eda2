package dev.ferrymq.spi.config;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed values for a declared set of {@link Option}s: parsed from text (a URL query, JNDI
 * properties) by the facade, or built typed with {@link #with}. Immutable.
 */
public final class OptionValues {

    private static final OptionValues DEFAULTS = new OptionValues(Map.of());

    private final Map<Option<?>, Object> values;

    private OptionValues(Map<Option<?>, Object> values) {
        this.values = values;
    }

    /**
     * Reads {@code given} against {@code declared}: each value as text to parse or as a typed
     * value to check (see {@link Option#valueOf}).
     *
     * @throws IllegalArgumentException naming the option when one is unknown or its value invalid
     */
    public static OptionValues parse(Collection<? extends Option<?>> declared, Map<String, ?> given) {
        Map<String, Option<?>> byName = new HashMap<>();
        for (Option<?> o : declared) {
            byName.put(o.name(), o);
        }
        Map<Option<?>, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : given.entrySet()) {
            Option<?> o = byName.get(e.getKey());
            if (o == null) {
                throw new IllegalArgumentException("unknown option '" + e.getKey() + "' (known: "
                        + new java.util.TreeSet<>(byName.keySet()) + ")");
            }
            values.put(o, o.valueOf(e.getValue()));
        }
        return new OptionValues(Collections.unmodifiableMap(values));
    }

    public static OptionValues defaults() {
        return DEFAULTS;
    }

    /**
     * These values with {@code option} set to {@code value}.
     *
     * @throws IllegalArgumentException naming the option when the value breaks its rules
     */
    public <T> OptionValues with(Option<T> option, T value) {
        Map<Option<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(option, option.check(value));
        return new OptionValues(Collections.unmodifiableMap(copy));
    }

    /** The value given for {@code option}, else its default. */
    public <T> T get(Option<T> option) {
        Object v = values.get(option);
        return v == null ? option.defaultValue() : option.type().cast(v);
    }

    public boolean isSet(Option<?> option) {
        return values.containsKey(option);
    }

    /** The options given a value, with their values, in the order given; unmodifiable. */
    public Map<Option<?>, Object> given() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionValues v && v.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
