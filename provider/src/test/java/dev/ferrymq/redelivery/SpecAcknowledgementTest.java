package dev.ferrymq.redelivery;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.ferrymq.redelivery.TestBroker.describe;
import static dev.ferrymq.redelivery.TestBroker.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The acknowledgement rules of the specification, through the public API over the vm:// engine. */
@Timeout(30)
class SpecAcknowledgementTest {

    private TestBroker broker;
    private Connection connection;
    private Queue queue;

    @BeforeEach
    void open() throws JMSException {
        broker = new TestBroker("prefetch=10");
        connection = broker.factory.createConnection();
        connection.start();
        queue = new dev.ferrymq.client.destination.FerryQueue("orders");
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
        broker.close();
    }

    private void send(String... texts) throws JMSException {
        try (Session s = connection.createSession()) {
            MessageProducer p = s.createProducer(queue);
            for (String t : texts) {
                p.send(s.createTextMessage(t));
            }
        }
    }

    private List<String> drain(Session s) throws JMSException {
        List<String> out = new ArrayList<>();
        try (MessageConsumer c = s.createConsumer(queue)) {
            for (Message m; (m = c.receive(300)) != null; ) {
                out.add(describe(m));
            }
        }
        return out;
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: CLIENT_ACKNOWLEDGE acknowledge() on any consumed message acknowledges all consumed so far")
    void acknowledgeAnyAcknowledgesAll() throws JMSException {
        send("a", "b", "c", "d");
        Session s = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(queue);
        Message a = c.receive(5000);
        c.receive(5000);
        c.receive(5000);
        a.acknowledge();
        s.recover();
        assertThat(describe(c.receive(5000))).isEqualTo("d");
        assertThat(c.receive(200)).isNull();
        s.close();
        assertThat(drain(connection.createSession(Session.AUTO_ACKNOWLEDGE))).containsExactly("d*2");
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: recover redelivers from the first unacknowledged message, JMSRedelivered and JMSXDeliveryCount counting up")
    void recoverCountsUp() throws JMSException {
        send("a", "b");
        Session s = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(queue);
        assertThat(describe(c.receive(5000))).isEqualTo("a");
        s.recover();
        assertThat(describe(c.receive(5000))).isEqualTo("a*2");
        assertThat(describe(c.receive(5000))).isEqualTo("b");
        s.recover();
        assertThat(describe(c.receive(5000))).isEqualTo("a*3");
        Message b = c.receive(5000);
        assertThat(describe(b)).isEqualTo("b*2");
        b.acknowledge();
        s.recover();
        assertThat(c.receive(200)).isNull();
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: closing a CLIENT_ACKNOWLEDGE session returns unacknowledged messages in priority and queue order, marked redelivered")
    void sessionCloseReturnsInOrder() throws JMSException {
        try (Session s = connection.createSession()) {
            MessageProducer p = s.createProducer(queue);
            p.send(s.createTextMessage("low1"), jakarta.jms.DeliveryMode.PERSISTENT, 1, 0);
            p.send(s.createTextMessage("high"), jakarta.jms.DeliveryMode.PERSISTENT, 8, 0);
            p.send(s.createTextMessage("low2"), jakarta.jms.DeliveryMode.PERSISTENT, 1, 0);
        }
        Session s = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(queue);
        assertThat(text(c.receive(5000))).isEqualTo("high");
        assertThat(text(c.receive(5000))).isEqualTo("low1");
        assertThat(text(c.receive(5000))).isEqualTo("low2");
        s.close();
        assertThat(drain(connection.createSession(Session.AUTO_ACKNOWLEDGE)))
                .containsExactly("high*2", "low1*2", "low2*2");
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: after a consumer closes, its session still holds its unacknowledged messages; closing the connection returns them")
    void consumerThenConnectionClose() throws JMSException {
        send("a", "b");
        Connection other = broker.factory.createConnection();
        other.start();
        Session s = other.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(queue);
        c.receive(5000);
        c.receive(5000);
        c.close();
        other.close();
        assertThat(drain(connection.createSession(Session.AUTO_ACKNOWLEDGE))).containsExactly("a*2", "b*2");
    }

    @Test
    @DisplayName("8.7 Receiving messages asynchronously: an AUTO_ACKNOWLEDGE listener that throws gets the message again at once, marked redelivered")
    void autoListenerThrows() throws Exception {
        assertListenerRedelivery(Session.AUTO_ACKNOWLEDGE);
    }

    @Test
    @DisplayName("8.7 Receiving messages asynchronously: a DUPS_OK_ACKNOWLEDGE listener that throws gets the message again at once, marked redelivered")
    void dupsOkListenerThrows() throws Exception {
        assertListenerRedelivery(Session.DUPS_OK_ACKNOWLEDGE);
    }

    private void assertListenerRedelivery(int mode) throws Exception {
        send("a", "b");
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(10);
        Session s = connection.createSession(mode);
        s.createConsumer(queue).setMessageListener(m -> {
            try {
                seen.add(describe(m));
                if (!m.getJMSRedelivered() && text(m).equals("a")) {
                    throw new IllegalStateException("first attempt fails");
                }
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            got.add(seen.poll(5, TimeUnit.SECONDS));
        }
        assertThat(got).containsExactly("a", "a*2", "b");
        s.close();
        assertThat(drain(connection.createSession(Session.AUTO_ACKNOWLEDGE))).isEmpty();
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: AUTO_ACKNOWLEDGE with receive acknowledges when receive returns")
    void autoReceiveAcknowledges() throws JMSException {
        send("a");
        Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        assertThat(text(s.createConsumer(queue).receive(5000))).isEqualTo("a");
        s.recover();
        s.close();
        assertThat(drain(connection.createSession(Session.AUTO_ACKNOWLEDGE))).isEmpty();
    }

    @Test
    @DisplayName("6.2.8 Transactions: commit acknowledges consumed and sends produced messages together; rollback redelivers consumed and discards produced")
    void transactions() throws JMSException {
        send("in1");
        Queue out = new dev.ferrymq.client.destination.FerryQueue("out");
        Session tx = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(queue);
        MessageProducer p = tx.createProducer(out);
        assertThat(text(c.receive(5000))).isEqualTo("in1");
        p.send(tx.createTextMessage("out-rolled-back"));
        tx.rollback();
        Message again = c.receive(5000);
        assertThat(describe(again)).isEqualTo("in1*2");
        p.send(tx.createTextMessage("out-committed"));
        tx.commit();
        Session check = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageConsumer outConsumer = check.createConsumer(out);
        assertThat(text(outConsumer.receive(5000))).isEqualTo("out-committed");
        assertThat(outConsumer.receive(200)).isNull();
        c.close();
        assertThat(drain(check)).isEmpty();
    }

    @Test
    @DisplayName("6.2.8 Transactions: closing a transacted session without commit redelivers what it consumed and discards what it sent")
    void closeWithoutCommit() throws JMSException {
        send("in1");
        Queue out = new dev.ferrymq.client.destination.FerryQueue("out2");
        Session tx = connection.createSession(Session.SESSION_TRANSACTED);
        tx.createConsumer(queue).receive(5000);
        tx.createProducer(out).send(tx.createTextMessage("never"));
        tx.close();
        Session check = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        assertThat(check.createConsumer(out).receive(200)).isNull();
        assertThat(drain(check)).containsExactly("in1*2");
    }

    @Test
    @DisplayName("6.2.8 Transactions: a failure inside commit surfaces as TransactionRolledBackException and the consumed messages come back")
    void commitFailure() throws JMSException {
        send("in1");
        Session tx = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(queue);
        assertThat(text(c.receive(5000))).isEqualTo("in1");
        jakarta.jms.TemporaryQueue temp = tx.createTemporaryQueue();
        tx.createProducer(temp).send(tx.createTextMessage("to a queue about to vanish"));
        temp.delete();
        assertThatThrownBy(tx::commit).isInstanceOf(TransactionRolledBackException.class)
                .hasMessageContaining("deleted");
        assertThat(describe(c.receive(5000))).isEqualTo("in1*2");
        tx.commit();
    }
}
