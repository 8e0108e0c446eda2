package dev.ferrymq.redelivery;

import dev.ferrymq.client.destination.FerryQueue;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.ferrymq.redelivery.TestBroker.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local redelivery: recover and rollback give a consumer its seen messages back before what it
 * prefetched, without sending the prefetch back through the queue; the redelivery policy still
 * counts every redelivery.
 */
@Timeout(30)
class LocalRedeliveryTest {

    private static final Queue ORDERS = new FerryQueue("orders");

    private static void send(Connection c, int count) throws JMSException {
        try (Session s = c.createSession()) {
            var p = s.createProducer(ORDERS);
            for (int i = 1; i <= count; i++) {
                p.send(s.createTextMessage("m" + i));
            }
        }
    }

    private static List<String> receiveAll(MessageConsumer consumer, int count) throws JMSException {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            got.add(describe(consumer.receive(5000)));
        }
        return got;
    }

    @Test
    @DisplayName("Transactions: after rollback the consumed messages come first (redelivered, count 2), then the prefetched rest in order, which never went back to the queue")
    void rollbackKeepsPrefetchAndOrder() throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, 10);
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            assertThat(receiveAll(consumer, 3)).containsExactly("m1", "m2", "m3");
            s.rollback();
            assertThat(receiveAll(consumer, 10)).containsExactly(
                    "m1*2", "m2*2", "m3*2", "m4", "m5", "m6", "m7", "m8", "m9", "m10");
            s.commit();
            var stats = b.stats("orders");
            assertThat(stats.delivered()).as("deliveries: 10 first ones and the 3 rolled back").isEqualTo(13);
            assertThat(stats.acknowledged()).isEqualTo(10);
            assertThat(stats.outstanding()).isZero();
            assertThat(consumer.receiveNoWait()).isNull();
        }
    }

    /** Acknowledges through a message consumed again after the last redelivery. */
    private static void last(MessageConsumer consumer, Session s) throws JMSException {
        s.recover();
        List<Message> all = new ArrayList<>();
        for (Message m; (m = consumer.receive(1000)) != null; ) {
            all.add(m);
        }
        assertThat(all).hasSize(4);
        all.get(3).acknowledge();
    }

    @Test
    @DisplayName("Transactions: after a failed commit (TransactionRolledBackException) the consumed message comes back before the prefetched ones")
    void failedCommitKeepsOrder() throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, 3);
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            assertThat(receiveAll(consumer, 1)).containsExactly("m1");
            jakarta.jms.TemporaryQueue temp = s.createTemporaryQueue();
            s.createProducer(temp).send(s.createTextMessage("to a queue about to vanish"));
            temp.delete();
            org.assertj.core.api.Assertions.assertThatThrownBy(s::commit)
                    .isInstanceOf(jakarta.jms.TransactionRolledBackException.class);
            assertThat(receiveAll(consumer, 3)).containsExactly("m1*2", "m2", "m3");
            s.commit();
            assertThat(b.stats("orders").acknowledged()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("Transactions: a message receiveBody could not convert counts as delivered (JMSConsumer.receiveBody) and comes back in order after rollback")
    void putBackAfterRolledBack() throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            send(c, 3);
            try (jakarta.jms.JMSContext ctx = b.factory.createContext(jakarta.jms.JMSContext.SESSION_TRANSACTED)) {
                jakarta.jms.JMSConsumer consumer = ctx.createConsumer(ORDERS);
                assertThat(describe(consumer.receive(5000))).isEqualTo("m1");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> consumer.receiveBody(Integer.class, 5000))
                        .isInstanceOf(jakarta.jms.MessageFormatRuntimeException.class);
                ctx.rollback();
                List<String> got = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    got.add(describe(consumer.receive(5000)));
                }
                assertThat(got).containsExactly("m1*2", "m2*2", "m3");
                ctx.commit();
            }
        }
    }

    @Test
    @DisplayName("Message acknowledgment: recover twice in a row redelivers the consumed messages before the rest, counting each recover")
    void recoverTwiceCountsEachTime() throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, 4);
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            assertThat(receiveAll(consumer, 2)).containsExactly("m1", "m2");
            s.recover();
            assertThat(receiveAll(consumer, 1)).containsExactly("m1*2");
            s.recover();
            assertThat(receiveAll(consumer, 4)).containsExactly("m1*3", "m2*2", "m3", "m4");
            assertThat(consumer.receiveNoWait()).isNull();
            last(consumer, s);
            assertThat(b.stats("orders").acknowledged()).isEqualTo(4);
        }
    }

    @Test
    @DisplayName("Message acknowledgment: after maxDeliveryAttempts local redeliveries the message goes to the dead-letter queue and the next one follows")
    void deadLetterAfterLocalRedeliveries() throws Exception {
        try (TestBroker b = new TestBroker("maxDeliveryAttempts=3"); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, 2);
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            assertThat(describe(consumer.receive(5000))).isEqualTo("m1");
            s.recover();
            assertThat(describe(consumer.receive(5000))).isEqualTo("m1*2");
            s.recover();
            assertThat(describe(consumer.receive(5000))).isEqualTo("m1*3");
            s.recover();
            Message m2 = consumer.receive(5000);
            assertThat(describe(m2)).isEqualTo("m2");
            m2.acknowledge();
            Session d = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Message dead = d.createConsumer(new FerryQueue("DLQ.orders")).receive(5000);
            assertThat(TestBroker.text(dead)).isEqualTo("m1");
            assertThat(b.stats("orders").deadLettered()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("Transactions: a listener that rolls back every first delivery sees each message twice, in order, the second time redelivered")
    void listenerRollsBackEachFirstDelivery() throws Exception {
        int count = 200;
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            send(c, count);
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            List<String> seen = new ArrayList<>();
            CountDownLatch committed = new CountDownLatch(count);
            s.createConsumer(ORDERS).setMessageListener(m -> {
                try {
                    seen.add(describe(m));
                    if (m.getJMSRedelivered()) {
                        s.commit();
                        committed.countDown();
                    } else {
                        s.rollback();
                    }
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            c.start();
            assertThat(committed.await(20, TimeUnit.SECONDS)).isTrue();
            c.stop();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                expected.add("m" + i);
                expected.add("m" + i + "*2");
            }
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(b.stats("orders").delivered()).isEqualTo(2L * count);
        }
    }
}
