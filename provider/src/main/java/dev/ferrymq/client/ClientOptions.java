package dev.ferrymq.client;

import dev.ferrymq.client.message.DeserializationFilter;
import dev.ferrymq.spi.config.DeclaredOptions;
import dev.ferrymq.spi.config.EngineOptions;
import dev.ferrymq.spi.config.Option;
import dev.ferrymq.spi.config.OptionValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The broker URL options the JMS facade consumes itself (e.g.
 * {@code vm://default?clientID=app1&prefetch=100}), and the typed engine options parsed beside them
 * against the engine's declarations: all option text is parsed here, once. Immutable and thread-safe.
 */
public final class ClientOptions {

    /** The administratively configured client ID of every connection the factory makes. */
    public static final Option<String> CLIENT_ID = Option.string("clientID", null,
            "Client ID given to every connection (administratively configured: setClientID is then refused)");

    /** The consumer window: deliveries the engine may push ahead of the application. */
    public static final Option<Integer> PREFETCH = Option.integer("prefetch", 1000, 1,
            "How many messages each consumer may hold ahead of the application (the credit window)");

    /** The user name when {@code createConnection()} is called without one. */
    public static final Option<String> USER = Option.string("user", null,
            "User name used when the application gives none");

    /** The password when {@code createConnection()} is called without one. */
    public static final Option<String> PASSWORD = Option.string("password", null,
            "Password used when the application gives none");

    /** The size of the thread pool that runs listeners, shared by the connections to one broker. */
    public static final Option<Integer> LISTENER_THREADS = Option.integer("listenerThreads",
            Math.max(16, 4 * Runtime.getRuntime().availableProcessors()), 1,
            "Threads that run the message, completion and exception listeners of the connections to one broker "
                    + "(one pool per broker and size, shut down when its last connection closes); a listener that "
                    + "blocks holds one").withDefaultText("4 x processors, at least 16");

    /** Classes and packages an ObjectMessage body may be deserialized into. */
    public static final Option<String> DESERIALIZATION_ALLOW_LIST = Option.string("deserializationAllowList",
            DeserializationFilter.DEFAULT_ALLOW_LIST,
            "Comma-separated classes and packages (subpackages included; * for all) that ObjectMessage.getObject and "
                    + "getBody may deserialize; any other class is refused before it is loaded (MessageFormatException); "
                    + "empty: none");

    /** Classes and packages an ObjectMessage body may never be deserialized into. */
    public static final Option<String> DESERIALIZATION_DENY_LIST = Option.string("deserializationDenyList", null,
            "Comma-separated classes and packages refused even when the allow list matches them");

    /** Every facade option. */
    public static final List<Option<?>> ALL = List.of(CLIENT_ID, PREFETCH, USER, PASSWORD, LISTENER_THREADS,
            DESERIALIZATION_ALLOW_LIST, DESERIALIZATION_DENY_LIST);

    private static final ClientOptions DEFAULTS = new ClientOptions(OptionValues.defaults(), EngineOptions.defaults());

    private final OptionValues values;
    private final EngineOptions engineOptions;
    private final DeserializationFilter deserializationFilter;

    private ClientOptions(OptionValues values, EngineOptions engineOptions) {
        this.values = values;
        this.engineOptions = engineOptions;
        this.deserializationFilter = DeserializationFilter.of(values.get(DESERIALIZATION_ALLOW_LIST),
                values.get(DESERIALIZATION_DENY_LIST));
    }

    /** Which classes ObjectMessage bodies may be deserialized into. */
    public DeserializationFilter deserializationFilter() {
        return deserializationFilter;
    }

    /** All defaults, no engine options. */
    public static ClientOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Reads options, each given as text to parse or typed to check: the facade's against
     * {@link #ALL}, every other one against the engine's declarations.
     *
     * @throws IllegalArgumentException naming the option when one is neither the facade's nor the
     *                                  engine's, or its value is invalid
     */
    public static ClientOptions parse(Map<String, ?> text, DeclaredOptions engine) {
        Map<String, Object> mine = new LinkedHashMap<>();
        Map<String, Object> rest = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : text.entrySet()) {
            (isFacadeOption(e.getKey()) ? mine : rest).put(e.getKey(), e.getValue());
        }
        OptionValues values = OptionValues.parse(ALL, mine);
        for (String key : rest.keySet()) {
            if (!engine.accepts(key)) {
                TreeSet<String> known = engine.names();
                ALL.forEach(o -> known.add(o.name()));
                throw new IllegalArgumentException("unknown option '" + key + "' (known: " + known + ")");
            }
        }
        return new ClientOptions(values, engine.parse(rest));
    }

    /**
     * The facade's options among {@code text}, parsed; the others are left out unread.
     *
     * @throws IllegalArgumentException naming the option when a facade option's value is invalid
     */
    public static ClientOptions facadeOnly(Map<String, ?> text) {
        Map<String, Object> mine = new LinkedHashMap<>();
        text.forEach((k, v) -> {
            if (isFacadeOption(k)) {
                mine.put(k, v);
            }
        });
        return new ClientOptions(OptionValues.parse(ALL, mine), EngineOptions.defaults());
    }

    private static boolean isFacadeOption(String key) {
        return ALL.stream().anyMatch(o -> o.name().equals(key));
    }

    public <T> T get(Option<T> option) {
        return values.get(option);
    }

    public String clientId() {
        String id = values.get(CLIENT_ID);
        return id == null || id.isEmpty() ? null : id;
    }

    public int prefetch() {
        return values.get(PREFETCH);
    }

    public int listenerThreads() {
        return values.get(LISTENER_THREADS);
    }

    /** The facade's own values, typed. */
    public OptionValues values() {
        return values;
    }

    /** The options that are not the facade's, typed, for the engine. */
    public EngineOptions engineOptions() {
        return engineOptions;
    }
}
