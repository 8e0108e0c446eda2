package dev.ferrymq;

import dev.ferrymq.client.ApiDomain;
import dev.ferrymq.client.ClientOptions;
import dev.ferrymq.client.FerryConnection;
import dev.ferrymq.client.context.FerryContext;
import dev.ferrymq.client.util.JmsExceptions;
import dev.ferrymq.spi.BrokerUrl;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineProvider;
import dev.ferrymq.spi.Engines;
import dev.ferrymq.spi.config.Option;
import dev.ferrymq.spi.config.RedeliveryPolicy;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * FerryMQ's connection factory: connects to the broker its URL names, e.g. {@code vm://default}
 * (the embedded default broker) or {@code vm://orders?clientID=app1&prefetch=100}. The URL's
 * facade options are in {@link ClientOptions}; every other option is the engine's. All option
 * text (URL query, properties, {@link #withOptions}) is parsed once, against the facade's and the
 * engine's declared options, and the engine gets typed values.
 *
 * <p>Also a JavaBean, for XML and property-driven containers (Spring XML, JNDI object factories,
 * {@code BeanUtils}): the no-argument constructor, {@link #setUrl}, and a typed property for each
 * facade option ({@code clientID}, {@code prefetch}, {@code user}, {@code password}). A property
 * that is set wins over the same option in the URL; {@link #getUrl()} is the URL as set, without
 * the properties. Properties are meant to be set once, before the first connection; the factory
 * is thread-safe and serializable (an administered object) throughout. A malformed URL or an
 * unknown option is reported when a connection is made, as a JMSException naming it; an invalid
 * property value is refused by its setter, naming the option.
 */
public class FerryConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory, Serializable {

    private static final long serialVersionUID = 2L;

    /** The embedded default broker. */
    public static final String DEFAULT_URL = "vm://default";

    /** Guarded by {@code this}. */
    private String url;
    /**
     * Options set beside the URL (bean properties, {@link #withOptions}, {@link #withRedeliveryPolicy})
     * by key: typed values, or text (JNDI) that is parsed with the URL's; guarded by {@code this}.
     */
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public FerryConnectionFactory() {
        this(DEFAULT_URL);
    }

    public FerryConnectionFactory(String url) {
        this.url = url;
    }

    /** The broker URL as given, without the options set as bean properties. */
    public synchronized String getUrl() {
        return url;
    }

    /** Sets the broker URL, e.g. {@code vm://orders?maxDeliveryAttempts=3}; options set as properties still win. */
    public synchronized void setUrl(String url) {
        this.url = url;
    }

    /** {@link ClientOptions#CLIENT_ID}: as set, else from the URL, else {@code null}. */
    public String getClientID() {
        return get(ClientOptions.CLIENT_ID);
    }

    public void setClientID(String clientID) {
        set(ClientOptions.CLIENT_ID, clientID);
    }

    /** {@link ClientOptions#PREFETCH}: as set, else from the URL, else its default. */
    public int getPrefetch() {
        return get(ClientOptions.PREFETCH);
    }

    /** @throws IllegalArgumentException naming the option when {@code prefetch} is less than 1 */
    public void setPrefetch(int prefetch) {
        set(ClientOptions.PREFETCH, prefetch);
    }

    /** {@link ClientOptions#USER}: as set, else from the URL, else {@code null}. */
    public String getUser() {
        return get(ClientOptions.USER);
    }

    public void setUser(String user) {
        set(ClientOptions.USER, user);
    }

    /** {@link ClientOptions#PASSWORD}: as set, else from the URL, else {@code null}. */
    public String getPassword() {
        return get(ClientOptions.PASSWORD);
    }

    public void setPassword(String password) {
        set(ClientOptions.PASSWORD, password);
    }

    /** {@link ClientOptions#LISTENER_THREADS}: as set, else from the URL, else its default. */
    public int getListenerThreads() {
        return get(ClientOptions.LISTENER_THREADS);
    }

    /** @throws IllegalArgumentException naming the option when {@code threads} is less than 1 */
    public void setListenerThreads(int threads) {
        set(ClientOptions.LISTENER_THREADS, threads);
    }

    /** {@link ClientOptions#DESERIALIZATION_ALLOW_LIST}: as set, else from the URL, else its default. */
    public String getDeserializationAllowList() {
        return get(ClientOptions.DESERIALIZATION_ALLOW_LIST);
    }

    public void setDeserializationAllowList(String allowList) {
        set(ClientOptions.DESERIALIZATION_ALLOW_LIST, allowList);
    }

    /** {@link ClientOptions#DESERIALIZATION_DENY_LIST}: as set, else from the URL, else {@code null}. */
    public String getDeserializationDenyList() {
        return get(ClientOptions.DESERIALIZATION_DENY_LIST);
    }

    public void setDeserializationDenyList(String denyList) {
        set(ClientOptions.DESERIALIZATION_DENY_LIST, denyList);
    }

    /**
     * Sets a facade option as a property; {@code null} removes the property (the URL's value, or
     * the default, applies again).
     *
     * @throws IllegalArgumentException naming the option when the value is invalid
     */
    private synchronized <T> void set(Option<T> option, T value) {
        if (value == null) {
            properties.remove(option.name());
            return;
        }
        properties.put(option.name(), option.check(value));
    }

    /**
     * A facade option's value: the property, else the URL's option, else the default.
     *
     * @throws IllegalArgumentException when the URL is malformed or its value of the option invalid
     */
    private <T> T get(Option<T> option) {
        return ClientOptions.facadeOnly(effective().options()).get(option);
    }

    /**
     * What a connection is made to: the URL's scheme and broker name, and its options with the
     * ones set beside it in place of the URL's own, as text or typed values; nothing is written
     * back into URL text.
     */
    private record Target(String scheme, String name, Map<String, Object> options) {
    }

    /** @throws IllegalArgumentException when the URL is malformed */
    private synchronized Target effective() {
        BrokerUrl parsed = BrokerUrl.parse(url);
        Map<String, Object> options = new LinkedHashMap<>(parsed.options());
        options.putAll(properties);
        return new Target(parsed.scheme(), parsed.name(), options);
    }

    /** The options of {@link #effective()} read against the facade's and the engine's declarations. */
    private static ClientOptions read(Target target, EngineProvider provider) {
        return ClientOptions.parse(target.options(), provider.options());
    }

    /**
     * The options the JMS facade itself takes whatever the engine ({@code clientID}, {@code prefetch},
     * {@code user}, ...), in declaration order; the other options a URL takes are the ones its
     * engine declares ({@link EngineProvider#options()}). For frameworks that bind properties to
     * options (the Spring Boot starter's {@code ferrymq.*}).
     */
    public static List<Option<?>> connectionOptions() {
        return ClientOptions.ALL;
    }

    /**
     * Parses the URL and every option, the ones set beside it included, against the facade's and
     * the engine's declarations, as a connection would, without connecting: for containers that
     * check their configuration when they start.
     *
     * @throws IllegalArgumentException naming what is wrong: a malformed URL, a scheme no engine
     *                                  serves, an unknown option or an invalid value
     */
    public void checkOptions() {
        Target target = effective();
        EngineProvider provider;
        try {
            provider = Engines.forScheme(target.scheme());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        read(target, provider);
    }

    /**
     * A factory for the same URL with {@code options} set beside it, as if each were a property:
     * they win over the URL's own values of the same options. Any option the URL takes (facade,
     * broker, store, per-destination {@code <option>@<pattern>}); like every broker option, broker
     * options take effect when the broker starts. Used by JNDI's
     * {@code property.connectionfactory.<name>.<option>} keys.
     */
    public FerryConnectionFactory withOptions(Map<String, String> options) {
        return beside(options);
    }

    /** A copy of this factory with {@code options} (text or typed values) set beside the URL too. */
    private FerryConnectionFactory beside(Map<String, ?> options) {
        FerryConnectionFactory f = new FerryConnectionFactory(getUrl());
        synchronized (this) {
            f.properties.putAll(properties);
        }
        f.properties.putAll(options);
        return f;
    }

    /**
     * A factory for the same broker URL with {@code policy} as the redelivery, dead-letter, expiry
     * and acknowledgement timeout settings of the destinations matching {@code destinationPattern}
     * ({@code *} matches any characters; most specific pattern wins, see the README), or of every
     * destination when the pattern is {@code null}. The policy becomes options set beside the URL
     * (typed, as if by {@link #withOptions}: {@code maxDeliveryAttempts@orders.*} = 3, ...), which, like every
     * broker option, take effect when the broker starts (the first connection to it).
     *
     * @throws IllegalArgumentException when the URL already sets one of these options for that pattern
     */
    public FerryConnectionFactory withRedeliveryPolicy(String destinationPattern, RedeliveryPolicy policy) {
        Map<String, Object> existing = effective().options();
        Map<String, Object> added = policy.toOptions(destinationPattern);
        for (String key : added.keySet()) {
            if (existing.containsKey(key)) {
                throw new IllegalArgumentException("the URL already sets option '" + key + "': " + this);
            }
        }
        return beside(added);
    }

    /**
     * FerryMQ extension (admin): moves messages from dead-letter (or expiry) queue
     * {@code deadLetterQueue} back to their original destination; see
     * {@link FerryConnection#moveToOrigin}. Opens and closes a connection of its own.
     *
     * @param messageSelector which messages ({@code null} for all)
     * @return how many messages moved
     */
    public int moveToOrigin(jakarta.jms.Queue deadLetterQueue, String messageSelector) throws JMSException {
        try (FerryConnection c = connect(null, null, false, ApiDomain.GENERIC)) {
            return c.moveToOrigin(deadLetterQueue, messageSelector);
        }
    }

    private FerryConnection connect(String userName, String password, boolean explicitUser, ApiDomain domain)
            throws JMSException {
        ClientOptions options;
        Engine engine;
        try {
            Target target = effective();
            EngineProvider provider = Engines.forScheme(target.scheme());
            options = read(target, provider);
            engine = provider.engine(target.name(), options.engineOptions());
        } catch (RuntimeException e) {
            throw JmsExceptions.toJms(e);
        }
        String user = explicitUser ? userName : options.get(ClientOptions.USER);
        String pass = explicitUser ? password : options.get(ClientOptions.PASSWORD);
        return FerryConnection.open(engine, options, user, pass, domain);
    }

    @Override
    public Connection createConnection() throws JMSException {
        return connect(null, null, false, ApiDomain.GENERIC);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return connect(userName, password, true, ApiDomain.GENERIC);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return connect(null, null, false, ApiDomain.QUEUE);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return connect(userName, password, true, ApiDomain.QUEUE);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return connect(null, null, false, ApiDomain.TOPIC);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return connect(userName, password, true, ApiDomain.TOPIC);
    }

    @Override
    public JMSContext createContext() {
        return context(null, null, false, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return context(userName, password, true, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return context(userName, password, true, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return context(null, null, false, sessionMode);
    }

    private JMSContext context(String userName, String password, boolean explicitUser, int sessionMode) {
        Connection connection;
        try {
            connection = connect(userName, password, explicitUser, ApiDomain.GENERIC);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        try {
            return FerryContext.open(connection, sessionMode);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (JMSException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** Equal when they connect alike: the same broker with the same options, wherever they were set. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FerryConnectionFactory f && Objects.equals(f.comparable(), comparable());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(comparable());
    }

    /**
     * The broker and the typed values of its options, wherever and however they were given; the
     * options as given when they do not parse; the URL text when it does not parse.
     */
    private Object comparable() {
        Target target;
        try {
            target = effective();
        } catch (IllegalArgumentException malformed) {
            return getUrl();
        }
        try {
            ClientOptions options = read(target, Engines.forScheme(target.scheme()));
            return List.of(target.scheme(), target.name(), options.values(), options.engineOptions());
        } catch (RuntimeException invalid) {
            return target;
        }
    }

    /** Names the URL and the options set beside it, passwords left out. */
    @Override
    public String toString() {
        String shown;
        synchronized (this) {
            shown = properties.isEmpty() ? url : url + " " + properties;
        }
        return "FerryConnectionFactory[" + (shown == null ? null
                : shown.replaceAll("(?i)(password=)[^&,}\\s]*", "$1***")) + "]";
    }
}
