package dev.ferrymq;

import dev.ferrymq.client.ApiDomain;
import dev.ferrymq.client.ClientOptions;
import dev.ferrymq.client.FerryConnection;
import dev.ferrymq.client.JmsExceptions;
import dev.ferrymq.client.context.FerryContext;
import dev.ferrymq.spi.BrokerUrl;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.Engines;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import java.io.Serializable;
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
