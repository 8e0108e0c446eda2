package dev.ferrymq.persistence;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

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
}
