package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryQueue;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class AcknowledgementTest {

    private final FakeBrokers brokers = new FakeBrokers();
    private Connection connection;
    private Queue queue;

    @BeforeEach
    void open() throws JMSException {
        connection = brokers.factory("prefetch=3").createConnection();
        connection.start();
        queue = new FerryQueue("q");
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private void send(int n) throws JMSException {
        try (Session s = connection.createSession()) {
            MessageProducer p = s.createProducer(queue);
            for (int i = 0; i < n; i++) {
                p.send(s.createTextMessage("m" + i));
            }
        }
    }

    private static String describe(Message m) throws JMSException {
        return ((TextMessage) m).getText() + (m.getJMSRedelivered() ? "*" + m.getIntProperty("JMSXDeliveryCount") : "");
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: CLIENT_ACKNOWLEDGE recover redelivers every unacknowledged message, marked")
    void clientRecover() throws JMSException {
        send(5);
        Session s = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(queue);
        Message first = c.receive(5000);
        first.acknowledge();
        assertThat(describe(c.receive(5000))).isEqualTo("m1");
        assertThat(describe(c.receive(5000))).isEqualTo("m2");
        s.recover();
        assertThat(describe(c.receive(5000))).isEqualTo("m1*2");
        assertThat(describe(c.receive(5000))).isEqualTo("m2*2");
        assertThat(describe(c.receive(5000))).isEqualTo("m3");
        Message last = c.receive(5000);
        assertThat(describe(last)).isEqualTo("m4");
        last.acknowledge();
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(5);
        s.recover();
        assertThat(c.receiveNoWait()).isNull();
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: AUTO_ACKNOWLEDGE acknowledges on receive; recover then has nothing to redeliver")
    void autoAck() throws JMSException {
        send(2);
        Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(queue);
        assertThat(describe(c.receive(5000))).isEqualTo("m0");
        s.recover();
        assertThat(describe(c.receive(5000))).isEqualTo("m1");
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("6.2.7 Transactions: rollback redelivers consumed messages and discards sends; commit makes both final")
    void transactions() throws JMSException {
        send(2);
        Session tx = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(queue);
        MessageProducer p = tx.createProducer(new FerryQueue("out"));
        assertThat(describe(c.receive(5000))).isEqualTo("m0");
        p.send(tx.createTextMessage("o1"));
        assertThat(brokers.broker.queueDepth("out")).isZero();
        tx.rollback();
        assertThat(describe(c.receive(5000))).isEqualTo("m0*2");
        assertThat(describe(c.receive(5000))).isEqualTo("m1");
        p.send(tx.createTextMessage("o2"));
        tx.commit();
        assertThat(brokers.broker.queueDepth("out")).isEqualTo(1);
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(2);
        assertThat(c.receiveNoWait()).isNull();
    }

    @Test
    @DisplayName("6.2.15 Closing a session: unacknowledged and prefetched messages go back; acknowledge then throws")
    void closeReleases() throws JMSException {
        send(4);
        Session s = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(queue);
        Message m = c.receive(5000);
        s.close();
        assertThatThrownBy(m::acknowledge).isInstanceOf(IllegalStateException.class);
        Session again = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c2 = again.createConsumer(queue);
        assertThat(describe(c2.receive(5000))).isEqualTo("m0*2");
        assertThat(describe(c2.receive(5000))).isEqualTo("m1");
    }

    @Test
    @DisplayName("6.2.15 Closing a session: a transacted session's close rolls back its transaction")
    void closeRollsBack() throws JMSException {
        send(1);
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(queue);
        tx.createProducer(queue).send(tx.createTextMessage("never"));
        assertThat(describe(c.receive(5000))).isEqualTo("m0");
        tx.close();
        Session s = connection.createSession();
        MessageConsumer c2 = s.createConsumer(queue);
        assertThat(describe(c2.receive(5000))).isEqualTo("m0*2");
        assertThat(c2.receiveNoWait()).isNull();
    }

    @Test
    @DisplayName("8.8 Closing a consumer: its unseen prefetched messages return unchanged; consumed ones stay with the session")
    void consumerCloseReleasesPrefetch() throws JMSException {
        send(3);
        Session s = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(queue);
        Message m0 = c.receive(5000);
        c.close();
        m0.acknowledge();
        Session other = connection.createSession();
        MessageConsumer c2 = other.createConsumer(queue);
        assertThat(describe(c2.receive(5000))).isEqualTo("m1");
        assertThat(describe(c2.receive(5000))).isEqualTo("m2");
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: AcknowledgingSession.acknowledge acknowledges what the session consumed")
    void sessionAcknowledge() throws JMSException {
        send(2);
        FerrySession s = (FerrySession) connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(queue);
        c.receive(5000);
        c.receive(5000);
        s.acknowledge();
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(2);
        s.recover();
        assertThat(c.receiveNoWait()).isNull();
    }
}
