package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FerryConnectionTest {

    private final FakeBrokers brokers = new FakeBrokers();
    private Connection connection;

    private Connection connect() throws JMSException {
        connection = brokers.factory().createConnection();
        return connection;
    }

    @AfterEach
    void close() throws JMSException {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    @DisplayName("6.1.2 Client identifier: setClientID right after creation sets it")
    void setClientId() throws JMSException {
        Connection c = connect();
        assertThat(c.getClientID()).isNull();
        c.setClientID("me");
        assertThat(c.getClientID()).isEqualTo("me");
    }

    @Test
    @DisplayName("6.1.2 Client identifier: setClientID after another action throws IllegalStateException")
    void setClientIdTooLate() throws JMSException {
        Connection c = connect();
        c.createSession();
        assertThatThrownBy(() -> c.setClientID("late")).isInstanceOf(IllegalStateException.class);
        Connection d = brokers.factory().createConnection();
        try {
            d.start();
            assertThatThrownBy(() -> d.setClientID("late")).isInstanceOf(IllegalStateException.class);
        } finally {
            d.close();
        }
    }

    @Test
    @DisplayName("6.1.2 Client identifier: setting it twice throws IllegalStateException")
    void setClientIdTwice() throws JMSException {
        Connection c = connect();
        c.setClientID("one");
        assertThatThrownBy(() -> c.setClientID("two")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.1.2 Client identifier: a client ID in use, null or empty throws InvalidClientIDException")
    void invalidClientIds() throws JMSException {
        Connection c = connect();
        c.setClientID("taken");
        try (Connection other = brokers.factory().createConnection()) {
            assertThatThrownBy(() -> other.setClientID("taken")).isInstanceOf(InvalidClientIDException.class);
        }
        try (Connection other = brokers.factory().createConnection()) {
            assertThatThrownBy(() -> other.setClientID(null)).isInstanceOf(InvalidClientIDException.class);
            assertThatThrownBy(() -> other.setClientID("")).isInstanceOf(InvalidClientIDException.class);
        }
    }

    @Test
    @DisplayName("6.1.2 Client identifier: closing the connection frees its client ID")
    void clientIdFreedOnClose() throws JMSException {
        Connection c = connect();
        c.setClientID("reused");
        c.close();
        try (Connection other = brokers.factory().createConnection()) {
            other.setClientID("reused");
            assertThat(other.getClientID()).isEqualTo("reused");
        }
    }

    @Test
    @DisplayName("6.1.5 ConnectionMetaData: JMS 3.1, FerryMQ, JMSX properties")
    void metaData() throws JMSException {
        ConnectionMetaData md = connect().getMetaData();
        assertThat(md.getJMSVersion()).isEqualTo("3.1");
        assertThat(md.getJMSMajorVersion()).isEqualTo(3);
        assertThat(md.getJMSMinorVersion()).isEqualTo(1);
        assertThat(md.getJMSProviderName()).isEqualTo("FerryMQ");
        assertThat(md.getProviderVersion()).isEqualTo(FerryConnectionMetaData.PROVIDER_VERSION);
        assertThat(Collections.list(md.getJMSXPropertyNames()))
                .containsExactlyInAnyOrder("JMSXGroupID", "JMSXGroupSeq", "JMSXDeliveryCount");
    }

    @Test
    @DisplayName("6.1.4 Starting a connection: start and stop are idempotent")
    void startStopIdempotent() throws JMSException {
        Connection c = connect();
        c.stop();
        c.start();
        c.start();
        c.stop();
        c.stop();
    }

    @Test
    @DisplayName("6.1.6 ExceptionListener: engine failures reach the listener on a provider thread")
    void exceptionListener() throws Exception {
        Connection c = connect();
        BlockingQueue<Object[]> seen = new ArrayBlockingQueue<>(2);
        c.setExceptionListener(e -> seen.add(new Object[]{e, Thread.currentThread()}));
        assertThat(c.getExceptionListener()).isNotNull();
        brokers.broker.failConnections("link lost");
        Object[] got = seen.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat((JMSException) got[0]).hasMessage("link lost");
        assertThat((Thread) got[1]).isNotSameAs(Thread.currentThread());
    }

    @Test
    @DisplayName("4.4 Session creation: createSession(transacted, ackMode) follows the JMS 2.0 rules")
    void sessionModes() throws JMSException {
        Connection c = connect();
        assertThat(c.createSession(true, Session.AUTO_ACKNOWLEDGE).getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
        assertThat(c.createSession(true, 99).getTransacted()).isTrue();
        assertThat(c.createSession(false, Session.CLIENT_ACKNOWLEDGE).getAcknowledgeMode()).isEqualTo(Session.CLIENT_ACKNOWLEDGE);
        assertThat(c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE).getAcknowledgeMode()).isEqualTo(Session.DUPS_OK_ACKNOWLEDGE);
        assertThatThrownBy(() -> c.createSession(false, Session.SESSION_TRANSACTED)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> c.createSession(false, 42)).isInstanceOf(JMSException.class).hasMessageContaining("42");
        assertThat(c.createSession(Session.SESSION_TRANSACTED).getTransacted()).isTrue();
        assertThat(c.createSession(Session.CLIENT_ACKNOWLEDGE).getAcknowledgeMode()).isEqualTo(Session.CLIENT_ACKNOWLEDGE);
        assertThatThrownBy(() -> c.createSession(7)).isInstanceOf(JMSException.class);
        Session plain = c.createSession();
        assertThat(plain.getTransacted()).isFalse();
        assertThat(plain.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
    }

    @Test
    @DisplayName("11.2 Application server facilities: connection consumers are refused with a JMSException")
    void connectionConsumersUnsupported() throws JMSException {
        Connection c = connect();
        assertThatThrownBy(() -> c.createConnectionConsumer(new FerryQueue("q"), null, null, 1))
                .isInstanceOf(JMSException.class).hasMessageContaining("not supported by FerryMQ");
        assertThatThrownBy(() -> c.createSharedDurableConnectionConsumer(new FerryTopic("t"), "s", null, null, 1))
                .isInstanceOf(JMSException.class).hasMessageContaining("not supported by FerryMQ");
        try (QueueConnection q = brokers.factory().createQueueConnection()) {
            assertThatThrownBy(() -> q.createDurableConnectionConsumer(new FerryTopic("t"), "s", null, null, 1))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("6.1.8 Closing a connection: every method but close throws IllegalStateException; close is idempotent")
    void closedConnection() throws Exception {
        Connection c = connect();
        c.close();
        c.close();
        ClosedObjects.assertAllThrowIllegalState(c, Connection.class, Set.of("close"), null);
        ClosedObjects.assertAllThrowIllegalState(c, QueueConnection.class, Set.of("close"), null);
        ClosedObjects.assertAllThrowIllegalState(c, TopicConnection.class, Set.of("close"), null);
    }

    @Test
    @DisplayName("6.1.8 Closing a connection: its sessions are closed too")
    void closeClosesSessions() throws JMSException {
        Connection c = connect();
        Session s = c.createSession();
        c.close();
        assertThatThrownBy(s::createMessage).isInstanceOf(IllegalStateException.class);
        s.close();
    }

    @Test
    @DisplayName("6.2.2 Creating temporary destinations: deleted with the connection; another connection cannot consume them")
    void temporaryDestinations() throws JMSException {
        Connection c = connect();
        Session s = c.createSession();
        var tq = s.createTemporaryQueue();
        var tt = s.createTemporaryTopic();
        try (Connection other = brokers.factory().createConnection()) {
            Session os = other.createSession();
            assertThatThrownBy(() -> os.createConsumer(tq)).isInstanceOf(jakarta.jms.InvalidDestinationException.class);
            assertThatThrownBy(() -> os.createConsumer(tt)).isInstanceOf(jakarta.jms.InvalidDestinationException.class);
        }
        var consumer = s.createConsumer(tq);
        assertThatThrownBy(tq::delete).isInstanceOf(IllegalStateException.class);
        consumer.close();
        tq.delete();
        tt.delete();
        assertThatThrownBy(tq::delete).isInstanceOf(jakarta.jms.InvalidDestinationException.class);
    }
}
