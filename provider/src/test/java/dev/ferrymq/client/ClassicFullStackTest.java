package dev.ferrymq.client;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Collections;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The classic API over the real in-JVM engine ({@code vm://}), end to end. */
@Timeout(30)
class ClassicFullStackTest {

    private static final AtomicInteger BROKERS = new AtomicInteger();
    private final FerryConnectionFactory factory = new FerryConnectionFactory("vm://classic-" + BROKERS.incrementAndGet());

    private static String text(Message m) throws JMSException {
        return m == null ? null : ((TextMessage) m).getText();
    }

    @Test
    @DisplayName("8.5/6.2.10 Sync receive with selector, CLIENT_ACKNOWLEDGE recover, browse, over vm://")
    void queueFlows() throws JMSException {
        try (Connection c = factory.createConnection()) {
            c.start();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("orders");
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 4; i++) {
                TextMessage m = s.createTextMessage("m" + i);
                m.setIntProperty("n", i);
                p.send(m);
            }
            QueueBrowser browser = s.createBrowser(q, "n >= 2");
            assertThat(Collections.list(browser.getEnumeration())).hasSize(2);
            MessageConsumer even = s.createConsumer(q, "n = 0 OR n = 2");
            assertThat(text(even.receive(5000))).isEqualTo("m0");
            s.recover();
            Message again = even.receive(5000);
            assertThat(text(again)).isEqualTo("m0");
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(text(even.receive(5000))).isEqualTo("m2");
            again.acknowledge();
            even.close();
            MessageConsumer rest = s.createConsumer(q);
            assertThat(text(rest.receive(5000))).isEqualTo("m1");
            assertThat(text(rest.receive(5000))).isEqualTo("m3");
            assertThat(rest.receiveNoWait()).isNull();
        }
    }

    @Test
    @DisplayName("6.2.7 Transactions and 8.7 listeners on a topic, over vm://")
    void topicTransactionAndListener() throws Exception {
        try (Connection c = factory.createConnection()) {
            Session listening = c.createSession();
            Topic t = listening.createTopic("news");
            BlockingQueue<String> got = new ArrayBlockingQueue<>(10);
            listening.createConsumer(t).setMessageListener(m -> {
                try {
                    got.add(text(m));
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            c.start();
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(t);
            p.send(tx.createTextMessage("dropped"));
            tx.rollback();
            p.send(tx.createTextMessage("kept"));
            assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
            tx.commit();
            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("kept");
            assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    @DisplayName("4.1.6 QueueRequestor over a temporary queue, over vm://")
    void requestor() throws JMSException {
        try (QueueConnection c = factory.createQueueConnection()) {
            QueueSession server = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue requests = server.createQueue("requests");
            MessageProducer replies = server.createProducer(null);
            server.createReceiver(requests).setMessageListener(m -> {
                try {
                    replies.send(m.getJMSReplyTo(), server.createTextMessage("re:" + text(m)));
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            c.start();
            QueueSession client = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor requestor = new QueueRequestor(client, requests);
            assertThat(text(requestor.request(client.createTextMessage("ping")))).isEqualTo("re:ping");
            requestor.close();
        }
    }
}
