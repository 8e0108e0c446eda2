package dev.ferrymq.redelivery;

import dev.ferrymq.FerrySessionModes;
import dev.ferrymq.client.destination.FerryQueue;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.ferrymq.redelivery.TestBroker.describe;
import static dev.ferrymq.redelivery.TestBroker.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Individual acknowledgement, acknowledge and recover from other threads, and bad input. */
@Timeout(30)
class IndividualAndThreadsTest {

    private static final Queue ORDERS = new FerryQueue("orders");

    private static void send(Connection c, int n) throws JMSException {
        try (Session s = c.createSession()) {
            var p = s.createProducer(ORDERS);
            for (int i = 0; i < n; i++) {
                p.send(s.createTextMessage("m" + i));
            }
        }
    }

    private static List<String> drain(Connection c) throws JMSException {
        List<String> out = new ArrayList<>();
        try (Session s = c.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = s.createConsumer(ORDERS);
            for (Message m; (m = consumer.receive(300)) != null; ) {
                out.add(describe(m));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {FerrySessionModes.INDIVIDUAL_ACKNOWLEDGE, FerrySessionModes.ACTIVEMQ_CLASSIC_INDIVIDUAL_ACKNOWLEDGE})
    @DisplayName("FerryMQ extension: INDIVIDUAL_ACKNOWLEDGE (101 as Artemis, 4 as ActiveMQ Classic) acknowledges only the message acknowledge() is called on")
    void individualAcknowledge(int mode) throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, 4);
            Session s = c.createSession(mode);
            assertThat(s.getAcknowledgeMode()).isEqualTo(mode);
            assertThat(c.createSession(false, mode).getAcknowledgeMode()).isEqualTo(mode);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            List<Message> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(consumer.receive(5000));
            }
            got.get(1).acknowledge();
            got.get(3).acknowledge();
            got.get(3).acknowledge();
            s.recover();
            assertThat(describe(consumer.receive(5000))).isEqualTo("m0*2");
            Message m2 = consumer.receive(5000);
            assertThat(describe(m2)).isEqualTo("m2*2");
            m2.acknowledge();
            s.close();
            assertThat(drain(c)).containsExactly("m0*3");
            assertThatThrownBy(got.get(0)::acknowledge).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    @DisplayName("FerryMQ extension: INDIVIDUAL_ACKNOWLEDGE through JMSContext: getSessionMode returns it, Message.acknowledge acknowledges one")
    void individualWithContext() throws Exception {
        try (TestBroker b = new TestBroker("")) {
            try (JMSContext ctx = b.factory.createContext(FerrySessionModes.INDIVIDUAL_ACKNOWLEDGE)) {
                assertThat(ctx.getSessionMode()).isEqualTo(FerrySessionModes.INDIVIDUAL_ACKNOWLEDGE);
                ctx.createProducer().send(ORDERS, "x").send(ORDERS, "y");
                JMSConsumer consumer = ctx.createConsumer(ORDERS);
                consumer.receive(5000);
                consumer.receive(5000).acknowledge();
            }
            try (Connection c = b.factory.createConnection()) {
                c.start();
                assertThat(drain(c)).containsExactly("x*2");
            }
        }
    }

    @Test
    @DisplayName("FerryMQ extension: acknowledge() called from a thread other than the listener's acknowledges exactly what was consumed, no loss, no duplicate")
    void acknowledgeFromAnotherThread() throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            c.start();
            int n = 200;
            send(c, n);
            BlockingQueue<Message> handOff = new ArrayBlockingQueue<>(n);
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            s.createConsumer(ORDERS).setMessageListener(handOff::add);
            Set<String> acked = new HashSet<>();
            CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        Message m = handOff.poll(5, TimeUnit.SECONDS);
                        acked.add(text(m));
                        m.acknowledge();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            worker.get(20, TimeUnit.SECONDS);
            s.close();
            assertThat(acked).hasSize(n);
            assertThat(drain(c)).isEmpty();
            assertThat(b.stats("orders").acknowledged()).isEqualTo(n);
        }
    }

    @Test
    @DisplayName("FerryMQ extension: recover() called from another thread while a listener consumes redelivers every unacknowledged message exactly once more, losing none")
    void recoverFromAnotherThread() throws Exception {
        try (TestBroker b = new TestBroker("prefetch=5"); Connection c = b.factory.createConnection()) {
            c.start();
            int n = 50;
            send(c, n);
            BlockingQueue<String> seen = new ArrayBlockingQueue<>(10 * n);
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            s.createConsumer(ORDERS).setMessageListener(m -> {
                try {
                    seen.add(text(m));
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            for (int i = 0; i < 10; i++) {
                s.recover();
            }
            Set<String> distinct = new HashSet<>();
            while (distinct.size() < n) {
                String t = seen.poll(5, TimeUnit.SECONDS);
                assertThat(t).as("every message arrives").isNotNull();
                distinct.add(t);
            }
            s.close();
            List<String> rest = drain(c);
            assertThat(rest).hasSize(n).allMatch(x -> x.contains("*"));
        }
    }

    @Test
    @DisplayName("Session javadoc: acknowledge on a closed session, recover in a transacted session, commit/rollback on a non-transacted one, an unknown mode: the spec's exceptions")
    void badInput() throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, 1);
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Message m = s.createConsumer(ORDERS).receive(5000);
            s.close();
            assertThatThrownBy(m::acknowledge).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(s::recover).isInstanceOf(IllegalStateException.class);
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            assertThatThrownBy(tx::recover).isInstanceOf(IllegalStateException.class).hasMessageContaining("transacted");
            Session auto = c.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(auto::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("transacted");
            assertThatThrownBy(auto::rollback).isInstanceOf(IllegalStateException.class).hasMessageContaining("transacted");
            assertThatThrownBy(() -> c.createSession(5)).isInstanceOf(JMSException.class).hasMessageContaining("101");
            assertThatThrownBy(() -> b.factory.createContext(102)).isInstanceOf(jakarta.jms.JMSRuntimeException.class);
        }
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: acknowledging a message acknowledges its own session's messages, never another session's")
    void acknowledgeBelongsToItsSession() throws Exception {
        try (TestBroker b = new TestBroker("prefetch=1"); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, 2);
            Session a = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Session other = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumerA = a.createConsumer(ORDERS);
            Message fromA = consumerA.receive(5000);
            consumerA.close();
            Message fromOther = other.createConsumer(ORDERS).receive(5000);
            assertThat(fromOther).isNotNull();
            fromA.acknowledge();
            other.close();
            a.close();
            assertThat(drain(c)).containsExactly(text(fromOther) + "*2");
        }
    }
}
