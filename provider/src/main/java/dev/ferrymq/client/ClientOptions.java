package dev.ferrymq.client;

import dev.ferrymq.client.message.DeserializationFilter;
import dev.ferrymq.spi.config.Option;
import dev.ferrymq.spi.config.OptionValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker URL options the JMS facade consumes itself (e.g.
 * {@code vm://default?clientID=app1&prefetch=100}); every other option goes to the engine.
 * Immutable and thread-safe.
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

    private static final ClientOptions DEFAULTS = new ClientOptions(OptionValues.defaults(), Map.of());

    private final OptionValues values;
    private final Map<String, String> engineOptions;
    private final DeserializationFilter deserializationFilter;

    private ClientOptions(OptionValues values, Map<String, String> engineOptions) {
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
     * Splits URL options into the facade's (parsed) and the engine's (passed on as text).
     *
     * @throws IllegalArgumentException naming the option when a facade option's value is invalid
     */
    public static ClientOptions split(Map<String, String> urlOptions) {
        Map<String, String> mine = new LinkedHashMap<>();
        Map<String, String> rest = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : urlOptions.entrySet()) {
            boolean facade = ALL.stream().anyMatch(o -> o.name().equals(e.getKey()));
            (facade ? mine : rest).put(e.getKey(), e.getValue());
        }
        return new ClientOptions(OptionValues.parse(ALL, mine), Map.copyOf(rest));
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

    /** The options that are not the facade's, for the engine. */
    public Map<String, String> engineOptions() {
        return engineOptions;
    }
}
