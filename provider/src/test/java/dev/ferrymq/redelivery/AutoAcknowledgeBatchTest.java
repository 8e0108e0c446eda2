package dev.ferrymq.redelivery;

import dev.ferrymq.client.destination.FerryQueue;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AUTO_ACKNOWLEDGE listeners: the facade sends the acknowledgements of one turn of the delivery
 * thread together; none may be lost when the connection stops or the session closes.
 */
@Timeout(30)
class AutoAcknowledgeBatchTest {

    private static final Queue ORDERS = new FerryQueue("orders");

    private static void send(Connection c, int count) throws JMSException {
        try (Session s = c.createSession()) {
            var p = s.createProducer(ORDERS);
            for (int i = 0; i < count; i++) {
                p.send(s.createTextMessage("m" + i));
            }
        }
    }

    @Test
    @DisplayName("Message acknowledgment: AUTO_ACKNOWLEDGE listener messages are all acknowledged by the time Connection.stop returns")
    void acknowledgedWhenStopReturns() throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            send(c, 100);
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            CountDownLatch all = new CountDownLatch(100);
            s.createConsumer(ORDERS).setMessageListener(m -> all.countDown());
            c.start();
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            c.stop();
            var stats = b.stats("orders");
            assertThat(stats.acknowledged()).isEqualTo(100);
            assertThat(stats.outstanding()).isZero();
        }
    }

    @Test
    @DisplayName("Message acknowledgment: a session closed while its AUTO_ACKNOWLEDGE listener runs redelivers none of the messages its listener returned from")
    void sessionClosedWhileListenerRuns() throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            send(c, 50);
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            AtomicInteger seen = new AtomicInteger();
            CountDownLatch tenth = new CountDownLatch(1);
            s.createConsumer(ORDERS).setMessageListener(m -> {
                if (seen.incrementAndGet() == 10) {
                    tenth.countDown();
                }
            });
            c.start();
            assertThat(tenth.await(10, TimeUnit.SECONDS)).isTrue();
            s.close();
            int handled = seen.get();
            try (Session other = c.createSession(Session.AUTO_ACKNOWLEDGE)) {
                MessageConsumer consumer = other.createConsumer(ORDERS);
                int redelivered = 0;
                int rest = 0;
                for (var m = consumer.receive(2000); m != null; m = consumer.receive(500)) {
                    if (m.getJMSRedelivered()) {
                        redelivered++;
                    }
                    rest++;
                }
                assertThat(rest).as("messages left after the %d the listener handled", handled)
                        .isEqualTo(50 - handled);
                assertThat(redelivered).isZero();
            }
        }
    }
}
