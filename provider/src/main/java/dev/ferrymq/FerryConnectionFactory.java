package dev.ferrymq;

import dev.ferrymq.client.ApiDomain;
import dev.ferrymq.client.ClientOptions;
import dev.ferrymq.client.FerryConnection;
import dev.ferrymq.client.context.FerryContext;
import dev.ferrymq.client.util.JmsExceptions;
import dev.ferrymq.spi.BrokerUrl;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.Engines;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * FerryMQ's connection factory: connects to the broker its URL names, e.g. {@code vm://default}
 * (the embedded default broker) or {@code vm://orders?clientID=app1&prefetch=100}. The URL's
 * facade options are in {@link ClientOptions}; every other option goes to the engine.
 *
 * <p>Immutable, serializable and thread-safe (an administered object). A malformed URL or an
 * unknown option is reported when a connection is made, as a JMSException naming it.
 */
public class FerryConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory, Serializable {

    private static final long serialVersionUID = 1L;

    /** The embedded default broker. */
    public static final String DEFAULT_URL = "vm://default";

    private final String url;

    public FerryConnectionFactory() {
        this(DEFAULT_URL);
    }

    public FerryConnectionFactory(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    /**
     * A factory for the same broker URL with {@code policy} as the redelivery, dead-letter, expiry
     * and acknowledgement timeout settings of the destinations matching {@code destinationPattern}
     * ({@code *} matches any characters; most specific pattern wins, see the README), or of every
     * destination when the pattern is {@code null}. The policy becomes URL options
     * ({@code maxDeliveryAttempts@orders.*=3&...}), which, like every broker option, take effect
     * when the broker starts (the first connection to it).
     *
     * @throws IllegalArgumentException when the URL already sets one of these options for that pattern
     */
    public FerryConnectionFactory withRedeliveryPolicy(String destinationPattern, RedeliveryPolicy policy) {
        Map<String, String> existing = BrokerUrl.parse(url).options();
        StringBuilder b = new StringBuilder(url);
        char sep = url.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, String> o : policy.toOptions(destinationPattern).entrySet()) {
            if (existing.containsKey(o.getKey())) {
                throw new IllegalArgumentException("the URL already sets option '" + o.getKey() + "': " + url);
            }
            b.append(sep).append(URLEncoder.encode(o.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(o.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return new FerryConnectionFactory(b.toString());
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
        BrokerUrl parsed;
        ClientOptions options;
        Engine engine;
        try {
            parsed = BrokerUrl.parse(url);
            options = ClientOptions.split(parsed.options());
            engine = Engines.forScheme(parsed.scheme()).engine(parsed.name(), options.engineOptions());
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

    @Override
    public boolean equals(Object o) {
        return o instanceof FerryConnectionFactory f && Objects.equals(f.url, url);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(url);
    }

    @Override
    public String toString() {
        return "FerryConnectionFactory[" + url + "]";
    }
}
