package dev.ferrymq.client;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 6.1.4 / 6.1.5 over the real engine: consumers of a connection that is not started take no
 * message from their queue, and stop hands back what they prefetched (FerryMQ's documented
 * choice, beyond what the spec requires); 6.2.15: a session closed from its own listener throws.
 */
@Timeout(30)
class StoppedConnectionDispatchTest {

    private static final AtomicInteger BROKERS = new AtomicInteger();
    private final FerryConnectionFactory factory =
            new FerryConnectionFactory("vm://stopped-" + BROKERS.incrementAndGet() + "?prefetch=100");

    private static String text(Message m) throws JMSException {
        return m == null ? null : ((TextMessage) m).getText();
    }

    private static void send(Session s, Queue q, int n) throws JMSException {
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < n; i++) {
            p.send(s.createTextMessage("m" + i));
        }
    }

    private static List<String> receiveAll(MessageConsumer c, int n) throws JMSException {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            got.add(text(c.receive(5000)));
        }
        return got;
    }

    private static List<String> expected(int n) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add("m" + i);
        }
        return all;
    }

    @Test
    @DisplayName("6.1.4 A consumer of a connection never started prefetches nothing: the started one gets every message")
    void unstartedConsumerTakesNothing() throws Exception {
        try (Connection idle = factory.createConnection(); Connection active = factory.createConnection()) {
            Session idleSession = idle.createSession();
            Queue q = idleSession.createQueue("unstarted");
            idleSession.createConsumer(q);
            active.start();
            Session s = active.createSession();
            MessageConsumer consumer = s.createConsumer(q);
            send(s, q, 20);
            assertThat(receiveAll(consumer, 20)).containsExactlyElementsOf(expected(20));
        }
    }

    @Test
    @DisplayName("6.1.5 stop hands back what the consumer prefetched, unmarked, so another consumer gets it at once")
    void stopHandsBackPrefetchedMessages() throws Exception {
        try (Connection first = factory.createConnection(); Connection second = factory.createConnection()) {
            first.start();
            Session s1 = first.createSession();
            Queue q = s1.createQueue("handback");
            MessageConsumer prefetching = s1.createConsumer(q);
            send(s1, q, 10);
            assertThat(text(prefetching.receive(5000))).isEqualTo("m0");
            first.stop();
            second.start();
            Session s2 = second.createSession();
            MessageConsumer other = s2.createConsumer(q);
            List<Message> rest = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                rest.add(other.receive(5000));
            }
            assertThat(rest).doesNotContainNull();
            List<String> texts = new ArrayList<>();
            for (Message m : rest) {
                texts.add(text(m));
                assertThat(m.getJMSRedelivered()).as("handed back unseen: not redelivered").isFalse();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            }
            assertThat(texts).containsExactlyElementsOf(expected(10).subList(1, 10));
            assertThat(prefetching.receiveNoWait()).isNull();
        }
    }

    @Test
    @DisplayName("6.1.5 After stop and start the consumer takes part in dispatch again")
    void startAfterStopResumes() throws Exception {
        try (Connection c = factory.createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue("restart");
            MessageConsumer consumer = s.createConsumer(q);
            send(s, q, 3);
            assertThat(text(consumer.receive(5000))).isEqualTo("m0");
            c.stop();
            assertThat(consumer.receiveNoWait()).isNull();
            c.start();
            assertThat(receiveAll(consumer, 2)).containsExactly("m1", "m2");
            c.stop();
            send(s, q, 1);
            c.start();
            assertThat(text(consumer.receive(5000))).isEqualTo("m0");
        }
    }

    @Test
    @DisplayName("6.1.5 A consumer created while the connection is stopped starts taking messages on start")
    void consumerCreatedWhileStoppedJoinsOnStart() throws Exception {
        try (Connection c = factory.createConnection()) {
            c.start();
            c.stop();
            Session s = c.createSession();
            Queue q = s.createQueue("created-stopped");
            MessageConsumer consumer = s.createConsumer(q);
            send(s, q, 2);
            assertThat(consumer.receive(100)).isNull();
            c.start();
            assertThat(receiveAll(consumer, 2)).containsExactly("m0", "m1");
        }
    }

    @Test
    @DisplayName("6.1.4 JMSContext with autoStart off: its consumer takes nothing until start")
    void contextWithoutAutoStart() {
        try (JMSContext idle = factory.createContext(); JMSContext active = factory.createContext()) {
            idle.setAutoStart(false);
            Queue q = idle.createQueue("ctx-unstarted");
            idle.createConsumer(q);
            var consumer = active.createConsumer(q);
            for (int i = 0; i < 5; i++) {
                active.createProducer().send(q, "m" + i);
            }
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                got.add(consumer.receiveBody(String.class, 5000));
            }
            assertThat(got).containsExactlyElementsOf(expected(5));
        }
    }

    @Test
    @DisplayName("6.2.15 Session.close from its own MessageListener throws IllegalStateException; the session stays usable")
    void sessionCloseFromItsOwnListenerThrows() throws Exception {
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession();
            Queue q = s.createQueue("close-own");
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            s.createConsumer(q).setMessageListener(m -> {
                try {
                    s.close();
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            c.start();
            c.createSession().createProducer(q).send(s.createTextMessage("close me"));
            Throwable thrown = outcome.get(5, TimeUnit.SECONDS);
            assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("MessageListener");
            assertThat(s.createTextMessage("still open")).isNotNull();
            s.close();
        }
    }
}
