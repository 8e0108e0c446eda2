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

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.ferrymq.redelivery.TestBroker.describe;
import static dev.ferrymq.redelivery.TestBroker.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The acknowledgement timeout, and consumers that die or hang: no message is lost. */
@Timeout(30)
class AckTimeoutAndFailureTest {

    private static final Queue ORDERS = new FerryQueue("orders");

    private static void send(Connection c, String... texts) throws JMSException {
        try (Session s = c.createSession()) {
            var p = s.createProducer(ORDERS);
            for (String t : texts) {
                p.send(s.createTextMessage(t));
            }
        }
    }

    @Test
    @DisplayName("FerryMQ extension: ackTimeout redelivers a message held unacknowledged to another consumer and tells the holder's ExceptionListener; a late acknowledge changes nothing")
    void ackTimeout() throws Exception {
        try (TestBroker b = new TestBroker("ackTimeout=300&prefetch=1");
             Connection slow = b.factory.createConnection(); Connection fast = b.factory.createConnection()) {
            BlockingQueue<JMSException> told = new ArrayBlockingQueue<>(5);
            slow.setExceptionListener(told::add);
            slow.start();
            fast.start();
            send(slow, "job");
            Session slowSession = slow.createSession(Session.CLIENT_ACKNOWLEDGE);
            Message held = slowSession.createConsumer(ORDERS).receive(5000);
            assertThat(text(held)).isEqualTo("job");
            long start = System.nanoTime();
            Session fastSession = fast.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer other = fastSession.createConsumer(ORDERS);
            Message again = other.receive(5000);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(describe(again)).isEqualTo("job*2");
            assertThat(waited).isBetween(150L, 2000L);
            JMSException e = told.poll(5, TimeUnit.SECONDS);
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("acknowledgement timeout").contains("orders");
            held.acknowledge();
            again.acknowledge();
            slowSession.close();
            fastSession.close();
            assertThat(b.stats("orders").acknowledged()).isEqualTo(1);
            assertThat(b.stats("orders").available()).isZero();
            assertThat(b.stats("orders").outstanding()).isZero();
        }
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: a consumer thread that dies with messages unacknowledged loses nothing: they come back when the session closes")
    void consumerThreadDies() throws Exception {
        try (TestBroker b = new TestBroker(""); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, "a", "b");
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            CompletableFuture<Void> died = new CompletableFuture<>();
            Thread worker = new Thread(() -> {
                try {
                    consumer.receive(5000);
                    consumer.receive(5000);
                    throw new IllegalStateException("worker crashed");
                } catch (JMSException e) {
                    died.completeExceptionally(e);
                } catch (RuntimeException e) {
                    died.complete(null);
                }
            });
            worker.start();
            died.get(5, TimeUnit.SECONDS);
            s.close();
            Session check = c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer after = check.createConsumer(ORDERS);
            assertThat(describe(after.receive(5000))).isEqualTo("a*2");
            assertThat(describe(after.receive(5000))).isEqualTo("b*2");
        }
    }

    @Test
    @DisplayName("8.7 Receiving messages asynchronously: a listener that hangs loses nothing: closing the connection waits for it, then its message comes back")
    void listenerHangs() throws Exception {
        try (TestBroker b = new TestBroker("")) {
            Connection c = b.factory.createConnection();
            c.start();
            send(c, "stuck");
            CountDownLatch inListener = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            c.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(ORDERS).setMessageListener(m -> {
                inListener.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(inListener.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
                try {
                    c.close();
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            assertThat(closed).isNotDone();
            release.countDown();
            closed.get(5, TimeUnit.SECONDS);
            try (Connection check = b.factory.createConnection()) {
                check.start();
                Message back = check.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(ORDERS).receive(5000);
                assertThat(describe(back)).isEqualTo("stuck*2");
            }
        }
    }

    @Test
    @DisplayName("FerryMQ extension: with ackTimeout a hung listener's message goes to another consumer at once; nothing is lost")
    void hungListenerWithAckTimeout() throws Exception {
        try (TestBroker b = new TestBroker("ackTimeout=200&prefetch=1");
             Connection hung = b.factory.createConnection(); Connection healthy = b.factory.createConnection()) {
            hung.start();
            healthy.start();
            send(hung, "work");
            CountDownLatch inListener = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            hung.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(ORDERS).setMessageListener(m -> {
                inListener.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(inListener.await(5, TimeUnit.SECONDS)).isTrue();
            Message m = healthy.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(ORDERS).receive(5000);
            assertThat(describe(m)).isEqualTo("work*2");
            release.countDown();
        }
    }
}
