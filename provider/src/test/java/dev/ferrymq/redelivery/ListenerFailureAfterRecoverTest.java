package dev.ferrymq.redelivery;

import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.spi.DeadLetterProperties;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.ferrymq.redelivery.TestBroker.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JMS_FERRYMQ_LAST_FAILURE when a listener's RuntimeException does not redeliver at once
 * ("Receiving messages asynchronously": in CLIENT_ACKNOWLEDGE the next message is delivered and
 * the application recovers; in a transacted session it rolls back): the failure travels with the
 * later recover or rollback, per delivery; a message whose listener returned gets none.
 */
@Timeout(30)
class ListenerFailureAfterRecoverTest {

    private static final Queue ORDERS = new FerryQueue("orders");
    private static final Queue DLQ = new FerryQueue("DLQ.orders");
    private static final String NONE = "(none)";

    private static void send(Connection c, String... texts) throws JMSException {
        try (Session s = c.createSession()) {
            var p = s.createProducer(ORDERS);
            for (String t : texts) {
                p.send(s.createTextMessage(t));
            }
        }
    }

    /**
     * How the listener's "go" hands back all the session holds: recover or rollback.
     */
    private interface HandBack {
        void run(Session s) throws JMSException;
    }

    /**
     * The listener: "a" and "b" throw (each its own exception), "once" throws on its first
     * delivery only, "ok" returns, "ack" acknowledges (CLIENT_ACKNOWLEDGE), "go" hands back all
     * the session holds with {@code handBack}.
     */
    private static void listen(Session s, HandBack handBack, BlockingQueue<Throwable> errors) throws JMSException {
        s.createConsumer(ORDERS).setMessageListener(m -> {
            String t;
            boolean redelivered;
            try {
                t = text(m);
                redelivered = m.getJMSRedelivered();
                if (t.equals("go")) {
                    handBack.run(s);
                } else if (t.equals("ack")) {
                    m.acknowledge();
                }
            } catch (JMSException | RuntimeException e) {
                errors.add(e);
                return;
            }
            if (t.equals("a")) {
                throw new IllegalArgumentException("cannot parse order 'a'");
            }
            if (t.equals("b")) {
                throw new IllegalStateException("order 'b' is on hold");
            }
            if (t.equals("once") && !redelivered) {
                throw new IllegalArgumentException("first try of 'once' failed");
            }
        });
    }

    /** Reads {@code n} dead letters: text -> JMS_FERRYMQ_LAST_FAILURE (or {@link #NONE}). */
    private static Map<String, String> deadLetters(Connection c, int n) throws JMSException {
        Map<String, String> out = new LinkedHashMap<>();
        MessageConsumer dlq = c.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(DLQ);
        for (int i = 0; i < n; i++) {
            Message m = dlq.receive(5000);
            assertThat(m).as("dead letter %d of %d", i + 1, n).isNotNull();
            String f = m.getStringProperty(DeadLetterProperties.LAST_FAILURE);
            out.put(text(m), f == null ? NONE : f);
        }
        assertThat(dlq.receive(200)).as("no more dead letters").isNull();
        return out;
    }

    /** "once" returned on its second delivery and keeps the failure of its first. */
    private static void assertEachKeepsItsOwnFailure(Map<String, String> dead) {
        assertThat(dead).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a", "java.lang.IllegalArgumentException: cannot parse order 'a'",
                "b", "java.lang.IllegalStateException: order 'b' is on hold",
                "once", "java.lang.IllegalArgumentException: first try of 'once' failed",
                "ok", NONE,
                "go", NONE));
    }

    @Test
    @DisplayName("Receiving messages asynchronously, CLIENT_ACKNOWLEDGE: listener failures reach the DLQ through recover(), each message with its own, none for one whose listener returned")
    void clientAcknowledgeRecover() throws Exception {
        try (TestBroker b = new TestBroker("maxDeliveryAttempts=2"); Connection c = b.factory.createConnection()) {
            send(c, "a", "b", "once", "ok", "go");
            BlockingQueue<Throwable> errors = new ArrayBlockingQueue<>(10);
            listen(c.createSession(Session.CLIENT_ACKNOWLEDGE), Session::recover, errors);
            c.start();
            assertEachKeepsItsOwnFailure(deadLetters(c, 5));
            assertThat(errors).isEmpty();
        }
    }

    @Test
    @DisplayName("Receiving messages asynchronously, transacted session: listener failures reach the DLQ through rollback(), each message with its own, none for one whose listener returned")
    void transactedRollback() throws Exception {
        try (TestBroker b = new TestBroker("maxDeliveryAttempts=2"); Connection c = b.factory.createConnection()) {
            send(c, "a", "b", "once", "ok", "go");
            BlockingQueue<Throwable> errors = new ArrayBlockingQueue<>(10);
            listen(c.createSession(true, Session.SESSION_TRANSACTED), Session::rollback, errors);
            c.start();
            assertEachKeepsItsOwnFailure(deadLetters(c, 5));
            assertThat(errors).isEmpty();
        }
    }

    @Test
    @DisplayName("Receiving messages asynchronously, CLIENT_ACKNOWLEDGE: a failure whose message was acknowledged is not passed on to a later, merely recovered message")
    void acknowledgedFailureIsNotStale() throws Exception {
        try (TestBroker b = new TestBroker("maxDeliveryAttempts=1"); Connection c = b.factory.createConnection()) {
            send(c, "a", "ack", "ok", "go");
            BlockingQueue<Throwable> errors = new ArrayBlockingQueue<>(10);
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            listen(s, Session::recover, errors);
            c.start();
            // "ack" acknowledges "a" (whose listener failed) and itself; "go" recovers "ok" and itself
            Map<String, String> dead = deadLetters(c, 2);
            assertThat(dead).containsExactlyInAnyOrderEntriesOf(Map.of("ok", NONE, "go", NONE));
            assertThat(errors).isEmpty();
        }
    }

    @Test
    @DisplayName("Receiving messages asynchronously, CLIENT_ACKNOWLEDGE: recover() from the application thread after the listener failed carries the failure")
    void recoverFromApplicationThread() throws Exception {
        try (TestBroker b = new TestBroker("maxDeliveryAttempts=1"); Connection c = b.factory.createConnection()) {
            send(c, "a", "ok");
            BlockingQueue<Throwable> errors = new ArrayBlockingQueue<>(10);
            BlockingQueue<String> seen = new ArrayBlockingQueue<>(10);
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            s.createConsumer(ORDERS).setMessageListener(m -> {
                String t = null;
                try {
                    t = text(m);
                } catch (JMSException e) {
                    errors.add(e);
                }
                seen.add(t);
                throw new IllegalArgumentException("failed on " + t);
            });
            c.start();
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("a");
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("ok");
            c.stop(); // waits until the listener returned ("Pausing delivery of incoming messages")
            s.recover();
            c.start();
            assertThat(deadLetters(c, 2)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "a", "java.lang.IllegalArgumentException: failed on a",
                    "ok", "java.lang.IllegalArgumentException: failed on ok"));
            assertThat(errors).isEmpty();
        }
    }
}
