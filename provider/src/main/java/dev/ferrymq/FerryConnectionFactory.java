package dev.ferrymq;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import java.io.Serializable;

/**
 * FerryMQ's connection factory (placeholder until the classic API lands).
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

    private static JMSException notYet() {
        return new JMSException("not implemented yet");
    }

    @Override
    public Connection createConnection() throws JMSException {
        throw notYet();
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        throw notYet();
    }

    @Override
    public JMSContext createContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        throw notYet();
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        throw notYet();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        throw notYet();
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        throw notYet();
    }
}
