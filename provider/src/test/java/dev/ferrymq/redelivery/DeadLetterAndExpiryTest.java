package dev.ferrymq.redelivery;

import dev.ferrymq.client.FerryConnection;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.spi.DeadLetterProperties;
import jakarta.jms.Connection;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static dev.ferrymq.redelivery.TestBroker.describe;
import static dev.ferrymq.redelivery.TestBroker.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Moving dead letters back, and the expiry queue. */
@Timeout(30)
class DeadLetterAndExpiryTest {

    private static final Queue ORDERS = new FerryQueue("orders");
    private static final Queue DLQ = new FerryQueue("DLQ.orders");

    @Test
    @DisplayName("FerryMQ extension: moveToOrigin moves dead letters (all, or by selector) back to their queue, without the dead-letter properties and with a fresh delivery count")
    void moveBackFromDeadLetterQueue() throws Exception {
        try (TestBroker b = new TestBroker("maxDeliveryAttempts=1"); Connection c = b.factory.createConnection()) {
            c.start();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(ORDERS);
            for (int i = 0; i < 3; i++) {
                Message m = s.createTextMessage("m" + i);
                m.setIntProperty("n", i);
                p.send(m);
            }
            MessageConsumer consumer = s.createConsumer(ORDERS);
            for (int i = 0; i < 3; i++) {
                consumer.receive(5000);
            }
            s.recover();
            assertThat(consumer.receive(200)).isNull();
            FerryConnection admin = (FerryConnection) c;
            awaitAvailable(b, "DLQ.orders", 3);
            assertThat(admin.moveToOrigin(DLQ, "n = 1")).isEqualTo(1);
            Message back = consumer.receive(5000);
            assertThat(describe(back)).isEqualTo("m1");
            assertThat(back.getIntProperty("n")).isEqualTo(1);
            assertThat(back.propertyExists(DeadLetterProperties.ORIGINAL_DESTINATION)).isFalse();
            assertThat(back.propertyExists(DeadLetterProperties.DLQ_REASON)).isFalse();
            assertThat(back.getJMSDestination()).isEqualTo(ORDERS);
            back.acknowledge();
            assertThat(b.factory.moveToOrigin(DLQ, null)).isEqualTo(2);
            List<String> rest = new ArrayList<>();
            for (Message m; (m = consumer.receive(300)) != null; ) {
                rest.add(describe(m));
            }
            assertThat(rest).containsExactly("m0", "m2");
            assertThatThrownBy(() -> admin.moveToOrigin(DLQ, "n = = 1")).isInstanceOf(InvalidSelectorException.class);
            assertThatThrownBy(() -> admin.moveToOrigin(null, null)).isInstanceOf(jakarta.jms.InvalidDestinationException.class);
        }
    }

    private static void awaitAvailable(TestBroker b, String queue, int n) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (b.stats(queue) == null || b.stats(queue).available() < n) {
            assertThat(System.nanoTime()).as("%s holds %d messages in time", queue, n).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    @DisplayName("3.4.9 JMSExpiration / FerryMQ extension: expired messages go to the configured expiry queue with their origin and old expiration")
    void expiryQueue() throws Exception {
        try (TestBroker b = new TestBroker("expiryQueue=EXPIRED.{name}&expirySweepInterval=10");
             Connection c = b.factory.createConnection()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(ORDERS);
            p.setTimeToLive(20);
            p.send(s.createTextMessage("stale"));
            Message expired = s.createConsumer(new FerryQueue("EXPIRED.orders")).receive(5000);
            assertThat(text(expired)).isEqualTo("stale");
            assertThat(expired.getJMSExpiration()).isZero();
            assertThat(expired.getLongProperty(DeadLetterProperties.ORIGINAL_EXPIRATION)).isPositive();
            assertThat(expired.getStringProperty(DeadLetterProperties.ORIGINAL_DESTINATION)).isEqualTo("orders");
            assertThat(expired.getStringProperty(DeadLetterProperties.DLQ_REASON)).isEqualTo("expired");
            assertThat(b.stats("orders").expired()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("3.4.9 JMSExpiration: without an expiry queue expired messages are dropped and counted")
    void expiredDroppedAndCounted() throws Exception {
        try (TestBroker b = new TestBroker("expirySweepInterval=10"); Connection c = b.factory.createConnection()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(ORDERS);
            p.setTimeToLive(20);
            p.send(s.createTextMessage("stale"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            MessageConsumer probe = s.createConsumer(new FerryQueue("nothing-here"));
            while (b.stats("orders").expired() == 0) {
                assertThat(System.nanoTime()).as("expired in time").isLessThan(deadline);
                probe.receive(10);
            }
            assertThat(b.stats("orders").available()).isZero();
            assertThat(s.createConsumer(ORDERS).receive(100)).isNull();
        }
    }
}
