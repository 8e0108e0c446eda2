package dev.ferrymq.spi.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options that may differ per destination: a default for each, plus overrides for destination
 * name patterns. Keys are {@code <option>} (the default for every destination) and
 * {@code <option>@<pattern>} (destinations whose name matches the pattern), e.g.
 * {@code maxDeliveryAttempts=5&maxDeliveryAttempts@orders.*=3}.
 *
 * <p>Patterns: {@code *} matches any run of characters, dots included; every other character
 * matches itself. Destination names may contain dots, so there is no segment syntax to misread.
 * Most specific wins, option by option: an exact name beats any pattern, then the pattern with
 * more literal (non-{@code *}) characters, then the one with fewer {@code *}, then the one given
 * first. An option no matching pattern sets takes its default.
 *
 * <p>Parsed from text by the facade ({@link #parse}) or built typed ({@link #with}); the engine
 * only reads them. Immutable and thread-safe.
 */
public final class DestinationOptions {

    /** Separates an option name from its destination pattern in a key. */
    public static final char PATTERN_SEPARATOR = '@';

    private record Override(String pattern, int order, OptionValues values) {
        boolean matches(String name) {
            return glob(pattern, 0, name, 0);
        }

        int literals() {
            return pattern.length() - stars();
        }

        int stars() {
            int n = 0;
            for (int i = 0; i < pattern.length(); i++) {
                if (pattern.charAt(i) == '*') {
                    n++;
                }
            }
            return n;
        }
    }

    private static final Comparator<Override> MOST_SPECIFIC_FIRST = Comparator
            .comparing((Override o) -> o.stars() > 0)
            .thenComparing(Comparator.comparingInt(Override::literals).reversed())
            .thenComparingInt(Override::stars)
            .thenComparingInt(Override::order);

    private final OptionValues defaults;
    /** Sorted most specific first. */
    private final List<Override> overrides;

    private DestinationOptions(OptionValues defaults, List<Override> overrides) {
        this.defaults = defaults;
        this.overrides = overrides;
    }

    /** Whether {@code key} names one of {@code declared}, with or without a pattern. */
    public static boolean isKey(Collection<? extends Option<?>> declared, String key) {
        int at = key.indexOf(PATTERN_SEPARATOR);
        String name = at < 0 ? key : key.substring(0, at);
        return declared.stream().anyMatch(o -> o.name().equals(name));
    }

    /**
     * Reads keys of {@code declared} options (see the class comment); each value as text to parse
     * or as a typed value to check (see {@link Option#valueOf}).
     *
     * @throws IllegalArgumentException naming the key when an option is unknown, a pattern empty
     *                                  or a value invalid
     */
    public static DestinationOptions parse(Collection<? extends Option<?>> declared, Map<String, ?> given) {
        Map<String, Object> plain = new LinkedHashMap<>();
        Map<String, Map<String, Object>> byPattern = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : given.entrySet()) {
            String key = e.getKey();
            int at = key.indexOf(PATTERN_SEPARATOR);
            if (at < 0) {
                plain.put(key, e.getValue());
                continue;
            }
            String pattern = key.substring(at + 1);
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("option '" + key + "' has an empty destination pattern after '@'");
            }
            byPattern.computeIfAbsent(pattern, p -> new LinkedHashMap<>()).put(key.substring(0, at), e.getValue());
        }
        List<Override> overrides = new ArrayList<>();
        Map<String, Integer> orders = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : byPattern.entrySet()) {
            orders.put(e.getKey(), orders.size());
            overrides.add(new Override(e.getKey(), orders.get(e.getKey()), OptionValues.parse(declared, e.getValue())));
        }
        overrides.sort(MOST_SPECIFIC_FIRST);
        return new DestinationOptions(OptionValues.parse(declared, plain), List.copyOf(overrides));
    }

    /** All defaults, no patterns. */
    public static DestinationOptions defaults() {
        return new DestinationOptions(OptionValues.defaults(), List.of());
    }

    /**
     * These options with {@code option} set to {@code value} for the destinations matching
     * {@code pattern}, or for every destination when {@code pattern} is {@code null}.
     *
     * @throws IllegalArgumentException naming the option when the value breaks its rules or the pattern is empty
     */
    public <T> DestinationOptions with(Option<T> option, String pattern, T value) {
        if (pattern == null) {
            return new DestinationOptions(defaults.with(option, value), overrides);
        }
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("option '" + option.name() + "' has an empty destination pattern");
        }
        List<Override> changed = new ArrayList<>();
        Override existing = null;
        for (Override o : overrides) {
            if (o.pattern().equals(pattern)) {
                existing = o;
            } else {
                changed.add(o);
            }
        }
        changed.add(existing == null ? new Override(pattern, overrides.size(), OptionValues.defaults().with(option, value))
                : new Override(pattern, existing.order(), existing.values().with(option, value)));
        changed.sort(MOST_SPECIFIC_FIRST);
        return new DestinationOptions(defaults, List.copyOf(changed));
    }

    /**
     * Every value given, by its key ({@code <option>} or {@code <option>@<pattern>}): for telling
     * apart two sets of options.
     */
    public Map<String, Object> given() {
        Map<String, Object> out = new LinkedHashMap<>();
        defaults.given().forEach((o, v) -> out.put(o.name(), v));
        overrides.stream().sorted(Comparator.comparingInt(Override::order)).forEach(p -> p.values().given()
                .forEach((o, v) -> out.put(o.name() + PATTERN_SEPARATOR + p.pattern(), v)));
        return out;
    }

    /** The values every destination has unless a pattern sets another (the keys without {@code @}). */
    public OptionValues forEveryDestination() {
        return defaults;
    }

    /** The value of {@code option} for destination {@code name}: the most specific pattern setting it, else the default. */
    public <T> T get(Option<T> option, String name) {
        for (Override o : overrides) {
            if (o.values().isSet(option) && o.matches(name)) {
                return o.values().get(option);
            }
        }
        return defaults.get(option);
    }

    /** Whether any default or pattern sets {@code option}. */
    public boolean anySet(Option<?> option) {
        return defaults.isSet(option) || overrides.stream().anyMatch(o -> o.values().isSet(option));
    }

    /** Every value given for {@code option}, the default's included. */
    public <T> List<T> allValues(Option<T> option) {
        List<T> out = new ArrayList<>();
        out.add(defaults.get(option));
        for (Override o : overrides) {
            if (o.values().isSet(option)) {
                out.add(o.values().get(option));
            }
        }
        return out;
    }

    /** Equal when they give the same values to the same patterns in the same order (the order breaks ties). */
    @java.lang.Override
    public boolean equals(Object o) {
        return o instanceof DestinationOptions d && d.defaults.equals(defaults) && d.patterns().equals(patterns());
    }

    @java.lang.Override
    public int hashCode() {
        return 31 * defaults.hashCode() + patterns().hashCode();
    }

    /** The patterns with their values in the order given. */
    private List<Map.Entry<String, OptionValues>> patterns() {
        return overrides.stream().sorted(Comparator.comparingInt(Override::order))
                .map(o -> Map.entry(o.pattern(), o.values())).toList();
    }

    @java.lang.Override
    public String toString() {
        return given().toString();
    }

    /** Glob match where {@code *} matches any run of characters. */
    static boolean glob(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (glob(p, pi, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
