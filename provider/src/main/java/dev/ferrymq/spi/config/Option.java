package dev.ferrymq.spi.config;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One configuration option, declared once with its name, type, default and description; the
 * README's option tables are written from these declarations. A value is either given as text (a
 * URL query, JNDI or application properties), {@linkplain #parse parsed} once by the facade, or
 * given typed and {@linkplain #check checked} against the same rules.
 *
 * @param <T> the value type
 *
 * <p>Threading: immutable; any thread.
 */
public final class Option<T> {

    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    /** Text to a value of {@link #type}; the value's rules are {@link #rules}'. */
    private final Function<String, T> parser;
    /** Throws IllegalArgumentException saying what is wrong with a typed value. */
    private final Consumer<T> rules;
    private final String defaultText;
    /** A system property whose value, when set, replaces {@link #defaultValue}; or {@code null}. */
    private final String defaultProperty;

    private Option(String name, Class<T> type, T defaultValue, String description, Function<String, T> parser,
                   Consumer<T> rules) {
        this(name, type, defaultValue, description, parser, rules,
                defaultValue == null ? "none" : String.valueOf(defaultValue), null);
    }

    private Option(String name, Class<T> type, T defaultValue, String description, Function<String, T> parser,
                   Consumer<T> rules, String defaultText, String defaultProperty) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description);
        this.parser = Objects.requireNonNull(parser);
        this.rules = Objects.requireNonNull(rules);
        this.defaultText = Objects.requireNonNull(defaultText);
        this.defaultProperty = defaultProperty;
    }

    /**
     * The same option with one more rule for its values (checked after the declared ones), e.g.
     * that a path is one the file system accepts.
     *
     * @param rule throws IllegalArgumentException saying what is wrong with a value
     */
    public Option<T> withRule(Consumer<T> rule) {
        Objects.requireNonNull(rule);
        return new Option<>(name, type, defaultValue, description, parser, rules.andThen(rule), defaultText,
                defaultProperty);
    }

    /**
     * The same option with its default documented as {@code text}, for defaults that depend on the
     * machine (e.g. "number of processors").
     */
    public Option<T> withDefaultText(String text) {
        return new Option<>(name, type, defaultValue, description, parser, rules, text, defaultProperty);
    }

    /**
     * The same option whose default is the value of system property {@code property} when that is
     * set (parsed like a value given for the option), and the declared default otherwise; the
     * documentation names the property.
     */
    public Option<T> withSystemPropertyDefault(String property) {
        return new Option<>(name, type, defaultValue, description, parser, rules,
                defaultText + " (system property " + property + " when set)", property);
    }

    /** The default as the documentation shows it. */
    public String defaultText() {
        return defaultText;
    }

    public static Option<String> string(String name, String defaultValue, String description) {
        return new Option<>(name, String.class, defaultValue, description, s -> s, v -> { });
    }

    public static Option<Integer> integer(String name, int defaultValue, int min, String description) {
        return new Option<>(name, Integer.class, defaultValue, description, s -> Integer.parseInt(s.trim()),
                v -> atLeast(v, min));
    }

    public static Option<Long> duration(String name, long defaultMillis, String description) {
        return new Option<>(name, Long.class, defaultMillis, description, s -> Long.parseLong(s.trim()), v -> {
            if (v < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
        });
    }

    /** A whole number of at least {@code min}, e.g. a byte count where -1 means unlimited. */
    public static Option<Long> number(String name, long defaultValue, long min, String description) {
        return new Option<>(name, Long.class, defaultValue, description, s -> Long.parseLong(s.trim()),
                v -> atLeast(v, min));
    }

    /** One of {@code choices} (case-insensitive; the value is the choice as declared). */
    public static Option<String> choice(String name, String defaultValue, java.util.List<String> choices,
                                        String description) {
        java.util.function.Supplier<IllegalArgumentException> wrong =
                () -> new IllegalArgumentException("must be one of " + String.join(", ", choices));
        return new Option<>(name, String.class, defaultValue, description, s -> choices.stream()
                .filter(c -> c.equalsIgnoreCase(s.trim())).findFirst().orElseThrow(wrong), v -> {
            if (!choices.contains(v)) {
                throw wrong.get();
            }
        });
    }

    /**
     * One of the constants of {@code type}, given by name in any case (the documentation shows
     * them in lower case): a choice option whose value is typed.
     */
    public static <E extends Enum<E>> Option<E> choice(String name, Class<E> type, E defaultValue, String description) {
        java.util.List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList();
        return new Option<>(name, type, defaultValue, description, s -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s.trim())) {
                    return e;
                }
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", names));
        }, v -> { }, defaultValue.name().toLowerCase(java.util.Locale.ROOT), null);
    }

    /** A decimal number between {@code min} and {@code max} inclusive. */
    public static Option<Double> decimal(String name, double defaultValue, double min, double max, String description) {
        return new Option<>(name, Double.class, defaultValue, description, s -> Double.parseDouble(s.trim()), v -> {
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
        });
    }

    public static Option<Boolean> bool(String name, boolean defaultValue, String description) {
        return new Option<>(name, Boolean.class, defaultValue, description, s -> switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        }, v -> { });
    }

    private static void atLeast(long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException("must be at least " + min);
        }
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /**
     * The value when none is given: the system property's (see {@link #withSystemPropertyDefault}),
     * else the declared default.
     *
     * @throws IllegalArgumentException naming the option and the property when the property's value is invalid
     */
    public T defaultValue() {
        String text = defaultProperty == null ? null : System.getProperty(defaultProperty);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from system property " + defaultProperty + ")", e);
        }
    }

    public String description() {
        return description;
    }

    /**
     * Parses a textual value.
     *
     * @throws IllegalArgumentException naming the option and what is wrong with the value
     */
    public T parse(String text) {
        try {
            T value = parser.apply(text);
            rules.accept(value);
            return value;
        } catch (RuntimeException e) {
            throw invalid(text, e);
        }
    }

    /**
     * Checks a typed value against the option's rules (the ones {@link #parse} applies to text).
     *
     * @return {@code value}, cast to the option's type
     * @throws IllegalArgumentException naming the option and what is wrong with the value (also
     *                                  when it is {@code null} or not of the option's type)
     */
    public T check(Object value) {
        if (value == null || !type.isInstance(value)) {
            throw new IllegalArgumentException("invalid value '" + value + "' for option '" + name + "': must be a "
                    + type.getSimpleName());
        }
        T typed = type.cast(value);
        try {
            rules.accept(typed);
            return typed;
        } catch (RuntimeException e) {
            throw invalid(value, e);
        }
    }

    /**
     * A value given either as text, which is {@linkplain #parse parsed}, or typed, which is
     * {@linkplain #check checked}: for option maps that hold both (a URL's text beside values set
     * in code).
     *
     * @throws IllegalArgumentException naming the option and what is wrong with the value
     */
    public T valueOf(Object given) {
        return given instanceof String text ? parse(text) : check(given);
    }

    private IllegalArgumentException invalid(Object value, RuntimeException e) {
        return new IllegalArgumentException("invalid value '" + value + "' for option '" + name + "': "
                + (e instanceof NumberFormatException ? "not a number" : e.getMessage()), e);
    }

    @Override
    public String toString() {
        return name;
    }
}
