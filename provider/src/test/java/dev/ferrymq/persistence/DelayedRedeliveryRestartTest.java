package dev.ferrymq.persistence;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README "Acknowledgement and redelivery" ({@code redeliveryDelay}) and "Persistence", with
 * 3.5.11 JMSRedelivered and 3.5.9 JMSXDeliveryCount: a stored message waiting for a delayed
 * redelivery still waits after a restart, until the time it was due, then comes back flagged with
 * the right count.
 */
class DelayedRedeliveryRestartTest extends PersistenceTestSupport {

    private static final long WAIT = 5000;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DisplayName("redeliveryDelay / 3.5.11 JMSRedelivered: a rolled-back message is not redelivered before its delay after a restart, then comes back flagged with JMSXDeliveryCount 2")
    void delayOutlivesRestart() throws Exception {
        FerryConnectionFactory factory = new FerryConnectionFactory(url("redeliveryDelay=5000"));
        long released;
        try (JMSContext ctx = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue("slow");
            ctx.createProducer().send(q, "retry");
            ctx.commit();
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("retry");
            released = System.currentTimeMillis();
            ctx.rollback();
        }
        restart();
        try (JMSContext ctx = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("slow"));
            assertThat(c.receive(500)).as("still waiting for its redelivery delay after the restart").isNull();
            Message m = c.receive(released + 5000 + WAIT - System.currentTimeMillis());
            assertThat(m).as("redelivered once its delay has passed").isNotNull();
            assertThat(System.currentTimeMillis()).as("not before the delay").isGreaterThanOrEqualTo(released + 5000);
            assertThat(m.getBody(String.class)).isEqualTo("retry");
            assertThat(m.getJMSRedelivered()).isTrue();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            m.acknowledge();
        }
        restart();
        try (JMSContext ctx = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            assertThat(ctx.createConsumer(ctx.createQueue("slow")).receive(300)).as("acknowledged").isNull();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DisplayName("redeliveryDelay / 3.5.9 JMSXDeliveryCount: a message waiting for its second delayed redelivery waits again after a restart and comes back with JMSXDeliveryCount 3")
    void secondDelayOutlivesRestart() throws Exception {
        FerryConnectionFactory factory = new FerryConnectionFactory(url("redeliveryDelay=1500"));
        long released;
        try (JMSContext ctx = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue("slower");
            ctx.createProducer().send(q, "retry");
            ctx.commit();
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("retry");
            ctx.rollback();
            Message again = c.receive(1500 + WAIT);
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            released = System.currentTimeMillis();
            ctx.rollback();
        }
        restart();
        try (JMSContext ctx = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("slower"));
            assertThat(c.receive(300)).as("still waiting for its redelivery delay after the restart").isNull();
            Message m = c.receive(released + 1500 + WAIT - System.currentTimeMillis());
            assertThat(m).as("redelivered once its delay has passed").isNotNull();
            assertThat(System.currentTimeMillis()).as("not before the delay").isGreaterThanOrEqualTo(released + 1500);
            assertThat(m.getJMSRedelivered()).isTrue();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DisplayName("redeliveryDelay / 6.2.9.1 Order of message receipt: after a restart a delayed redelivery comes back at its place in the queue, ahead of later messages, as it does without a restart")
    void delayedRedeliveryKeepsItsPlaceAfterRestart() throws Exception {
        FerryConnectionFactory factory = new FerryConnectionFactory(url("redeliveryDelay=1000"));
        try (JMSContext ctx = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue("ordered");
            ctx.createProducer().send(q, "first");
            ctx.createProducer().send(q, "second");
            ctx.commit();
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("first");
            ctx.rollback();
        }
        restart();
        try (JMSContext ctx = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("ordered");
            List<String> browsed = browse(ctx, q);
            assertThat(browsed).as("held for its delay right after the restart").containsExactly("second");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (browsed.size() < 2 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                browsed = browse(ctx, q);
            }
            assertThat(browsed).as("once due, back at its place").containsExactly("first", "second");
            JMSConsumer c = ctx.createConsumer(q);
            Message first = c.receive(WAIT);
            assertThat(first.getBody(String.class)).isEqualTo("first");
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            assertThat(c.receive(WAIT).getBody(String.class)).isEqualTo("second");
            ctx.acknowledge();
        }
    }

    private static List<String> browse(JMSContext ctx, Queue q) throws Exception {
        List<String> out = new ArrayList<>();
        try (QueueBrowser b = ctx.createBrowser(q)) {
            Enumeration<?> e = b.getEnumeration();
            while (e.hasMoreElements()) {
                out.add(((Message) e.nextElement()).getBody(String.class));
            }
        }
        return out;
    }
}
