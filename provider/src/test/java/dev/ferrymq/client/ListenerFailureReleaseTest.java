package dev.ferrymq.client;

import dev.ferrymq.FerrySessionModes;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.spi.DeadLetterProperties;
import jakarta.jms.Connection;
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

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facade remembers a listener's failure with its delivery when the session keeps the message
 * ("Receiving messages asynchronously": CLIENT_ACKNOWLEDGE, INDIVIDUAL_ACKNOWLEDGE) and hands it
 * to the engine with the later recover, only for deliveries it still holds; checked against the
 * fake engine, which dead-letters with each delivery's failure after one attempt.
 */
@Timeout(30)
class ListenerFailureReleaseTest {

    private static final String NONE = "(none)";

    private final FakeBrokers brokers = new FakeBrokers();
    private final Queue queue = new FerryQueue("q");
    private final BlockingQueue<Throwable> errors = new ArrayBlockingQueue<>(10);
    private Connection connection;

    @BeforeEach
    void open() throws JMSException {
        brokers.broker.withRedelivery(1, "DLQ.{name}");
        connection = brokers.factory().createConnection();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private void send(String... texts) throws JMSException {
        try (Session s = connection.createSession()) {
            MessageProducer p = s.createProducer(queue);
            for (String t : texts) {
                p.send(s.createTextMessage(t));
            }
        }
    }

    /** Reads {@code n} dead letters: text -> JMS_FERRYMQ_LAST_FAILURE (or {@link #NONE}). */
    private Map<String, String> deadLetters(int n) throws JMSException {
        Map<String, String> out = new HashMap<>();
        MessageConsumer dlq = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(new FerryQueue("DLQ.q"));
        for (int i = 0; i < n; i++) {
            Message m = dlq.receive(5000);
            assertThat(m).as("dead letter %d of %d", i + 1, n).isNotNull();
            String f = m.getStringProperty(DeadLetterProperties.LAST_FAILURE);
            out.put(((TextMessage) m).getText(), f == null ? NONE : f);
        }
        assertThat(dlq.receive(100)).as("no more dead letters").isNull();
        return out;
    }

    /** What the listener does with a message before it throws ("ok": returns instead). */
    private interface Step {
        void run(Session s, Message m) throws JMSException;
    }

    private void listen(Session s, Step step) throws JMSException {
        s.createConsumer(queue).setMessageListener(m -> {
            String t;
            try {
                t = ((TextMessage) m).getText();
                step.run(s, m);
            } catch (JMSException | RuntimeException e) {
                errors.add(e);
                return;
            }
            if (!t.equals("ok") && !t.equals("go")) {
                throw new IllegalStateException("failed on " + t);
            }
        });
    }

    @Test
    @DisplayName("Receiving messages asynchronously, CLIENT_ACKNOWLEDGE: a listener that recovers and then throws leaves no failure for later deliveries")
    void recoverThenThrowLeavesNothing() throws JMSException {
        send("x", "ok", "go");
        Session s = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        listen(s, (session, m) -> {
            String t = ((TextMessage) m).getText();
            if (t.equals("x") || t.equals("go")) {
                session.recover();
            }
        });
        connection.start();
        assertThat(deadLetters(3)).containsExactlyInAnyOrderEntriesOf(Map.of("x", NONE, "ok", NONE, "go", NONE));
        assertThat(errors).isEmpty();
    }

    @Test
    @DisplayName("FerryMQ extension, INDIVIDUAL_ACKNOWLEDGE: recover carries the failure of an unacknowledged message, not of one acknowledged before its listener threw")
    void individualAcknowledge() throws JMSException {
        send("a", "acked", "ok", "go");
        Session s = connection.createSession(FerrySessionModes.INDIVIDUAL_ACKNOWLEDGE);
        listen(s, (session, m) -> {
            String t = ((TextMessage) m).getText();
            if (t.equals("acked")) {
                m.acknowledge();
            } else if (t.equals("go")) {
                session.recover();
            }
        });
        connection.start();
        assertThat(deadLetters(3)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a", "java.lang.IllegalStateException: failed on a", "ok", NONE, "go", NONE));
        assertThat(errors).isEmpty();
    }
}
