package dev.ferrymq.limits;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Memory limits on queues: fullPolicy=fail and fullPolicy=block through the JMS API. */
@Timeout(30)
class QueueLimitsTest {

    private static String text(Message m) throws JMSException {
        return m == null ? null : ((TextMessage) m).getText();
    }

    private static void sendAll(Session s, Queue q, String... texts) throws JMSException {
        MessageProducer p = s.createProducer(q);
        for (String t : texts) {
            p.send(s.createTextMessage(t));
        }
    }

    /** Receives one message and acknowledges it (acknowledge() returns once the queue has let it go). */
    private static String consumeOne(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(5000);
        assertThat(m).as("a message to consume").isNotNull();
        m.acknowledge();
        return text(m);
    }

    @Test
    @DisplayName("ResourceAllocationException (Jakarta Messaging exceptions), FerryMQ extension fullPolicy=fail: "
            + "a send to a full queue fails at once naming the queue and the option; after consuming it accepts again")
    void failPolicy() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages=3&fullPolicy=fail");
             Connection c = b.factory.createConnection()) {
            c.start();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue orders = s.createQueue("orders");
            sendAll(s, orders, "m1", "m2", "m3");
            MessageProducer p = s.createProducer(orders);
            assertThatThrownBy(() -> p.send(s.createTextMessage("m4")))
                    .isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("queue 'orders'")
                    .hasMessageContaining("maxQueueMessages=3")
                    .hasMessageContaining("maxQueueMessages@orders");
            MessageConsumer consumer = s.createConsumer(orders);
            assertThat(consumeOne(consumer)).isEqualTo("m1");
            p.send(s.createTextMessage("m5"));
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rest.add(consumeOne(consumer));
            }
            assertThat(rest).containsExactly("m2", "m3", "m5");
        }
    }

    @Test
    @DisplayName("ResourceAllocationRuntimeException (JMSProducer.send javadoc), FerryMQ extension fullPolicy=fail: "
            + "JMSContext send to a full queue")
    void failPolicyContext() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages=1&fullPolicy=fail");
             JMSContext ctx = b.factory.createContext()) {
            Queue q = ctx.createQueue("ctx");
            ctx.createProducer().send(q, "first");
            assertThatThrownBy(() -> ctx.createProducer().send(q, "second"))
                    .isInstanceOf(ResourceAllocationRuntimeException.class)
                    .hasMessageContaining("queue 'ctx'")
                    .hasMessageContaining("full");
            try (JMSConsumer consumer = ctx.createConsumer(q)) {
                assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("first");
            }
        }
    }

    @Test
    @DisplayName("FerryMQ extension fullPolicy=block (the default): a synchronous send to a full queue waits until "
            + "a consumer frees space, then completes")
    void blockPolicyWaitsForSpace() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages=2&sendTimeout=20000");
             Connection c = b.factory.createConnection()) {
            c.start();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("jobs");
            sendAll(s, q, "j1", "j2");
            CountDownLatch sent = new CountDownLatch(1);
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try (Session ps = c.createSession()) {
                    sendAll(ps, q, "j3");
                    sent.countDown();
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            assertThat(sent.await(300, TimeUnit.MILLISECONDS)).as("send to a full queue returned").isFalse();
            MessageConsumer consumer = s.createConsumer(q);
            assertThat(consumeOne(consumer)).isEqualTo("j1");
            assertThat(sent.await(5, TimeUnit.SECONDS)).as("send completed once space was freed").isTrue();
            sender.get(5, TimeUnit.SECONDS);
            assertThat(consumeOne(consumer)).isEqualTo("j2");
            assertThat(consumeOne(consumer)).isEqualTo("j3");
        }
    }

    @Test
    @DisplayName("FerryMQ extension fullPolicy=block: a send that finds no space within sendTimeout fails with "
            + "ResourceAllocationException saying it timed out")
    void blockPolicyTimesOut() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages=1&sendTimeout=300");
             Connection c = b.factory.createConnection()) {
            Session s = c.createSession();
            Queue q = s.createQueue("slow");
            sendAll(s, q, "a");
            long start = System.nanoTime();
            assertThatThrownBy(() -> sendAll(s, q, "b"))
                    .isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("timed out after")
                    .hasMessageContaining("queue 'slow'");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 10_000L);
            c.start();
            MessageConsumer consumer = c.createSession().createConsumer(q);
            assertThat(text(consumer.receive(5000))).isEqualTo("a");
            assertThat(consumer.receive(100)).as("the timed-out send was not delivered").isNull();
        }
    }

    @Test
    @DisplayName("FerryMQ extension: limits are per destination with <option>@<pattern>; other queues keep the default")
    void perDestinationPattern() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages@orders.*=1&fullPolicy@orders.*=fail");
             Connection c = b.factory.createConnection()) {
            Session s = c.createSession();
            Queue eu = s.createQueue("orders.eu");
            sendAll(s, eu, "o1");
            assertThatThrownBy(() -> sendAll(s, eu, "o2"))
                    .isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("orders.eu");
            Queue audit = s.createQueue("audit");
            sendAll(s, audit, "a1", "a2", "a3", "a4", "a5");
            assertThat(b.limits("audit").heldMessages()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("FerryMQ extension, Jakarta Messaging 7.3 Asynchronous send: CompletionListener.onException gets "
            + "ResourceAllocationException when the queue is full and fullPolicy=fail")
    void asyncSendFails() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages=1&fullPolicy=fail");
             Connection c = b.factory.createConnection()) {
            Session s = c.createSession();
            Queue q = s.createQueue("async");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("fits"));
            CompletableFuture<Exception> failure = new CompletableFuture<>();
            p.send(s.createTextMessage("too many"), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    failure.complete(null);
                }

                @Override
                public void onException(Message message, Exception exception) {
                    failure.complete(exception);
                }
            });
            assertThat(failure.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("queue 'async'");
        }
    }

    @Test
    @DisplayName("FerryMQ extension fullPolicy=block, Jakarta Messaging 7.3.4 Message order (asynchronous send): "
            + "async sends held by a full queue complete and arrive in send order as space frees")
    void asyncSendsKeepOrderWhileBlocked() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages=1&sendTimeout=20000");
             Connection c = b.factory.createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue("ordered");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("m0"));
            CountDownLatch completed = new CountDownLatch(5);
            List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 1; i <= 5; i++) {
                p.send(s.createTextMessage("m" + i), new CompletionListener() {
                    @Override
                    public void onCompletion(Message message) {
                        completed.countDown();
                    }

                    @Override
                    public void onException(Message message, Exception exception) {
                        errors.add(exception);
                        completed.countDown();
                    }
                });
            }
            assertThat(completed.await(200, TimeUnit.MILLISECONDS)).as("held sends completed early").isFalse();
            Session cs = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = cs.createConsumer(q);
            List<String> got = new ArrayList<>();
            for (int i = 0; i <= 5; i++) {
                got.add(consumeOne(consumer));
            }
            assertThat(completed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(errors).isEmpty();
            assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
        }
    }
}
