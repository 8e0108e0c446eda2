package dev.ferrymq.persistence;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rollback and recover of stored (PERSISTENT, file store) messages redeliver them to the consumer
 * that holds them, with their new delivery counts written in one batch before the application
 * sees them. Spec 6.2.8 Transactions, 6.2.11 Recovery and redelivery, 3.5.9 JMSXDeliveryCount.
 */
class StoredLocalRedeliveryTest extends PersistenceTestSupport {

    private static final long WAIT = 5000;
    private static final int COUNT = 50;

    @Test
    @DisplayName("6.2.8 Transactions: a rollback of 50 stored messages writes their new counts in one batch; they come back in order, counted, and the counts survive a restart")
    void rollbackRedeliversLocallyWithDurableCounts() throws Exception {
        try (JMSContext ctx = context(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue("rolled");
            JMSProducer p = ctx.createProducer();
            for (int i = 0; i < COUNT; i++) {
                p.send(q, "m" + i);
            }
            ctx.commit();
            JMSConsumer c = ctx.createConsumer(q);
            for (int i = 0; i < COUNT; i++) {
                assertThat(c.receive(WAIT).getBody(String.class)).isEqualTo("m" + i);
            }
            long before = journalBatches();
            ctx.rollback();
            for (int i = 0; i < COUNT; i++) {
                Message m = c.receive(WAIT);
                assertThat(m.getBody(String.class)).isEqualTo("m" + i);
                assertThat(m.getJMSRedelivered()).isTrue();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            }
            assertThat(journalBatches() - before).as("store writes for the rollback and the redeliveries").isEqualTo(1);
        }
        restart();
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("rolled"));
            Message last = null;
            for (int i = 0; i < COUNT; i++) {
                last = c.receive(WAIT);
                assertThat(last.getBody(String.class)).isEqualTo("m" + i);
                assertThat(last.getIntProperty("JMSXDeliveryCount")).as("m" + i).isEqualTo(3);
            }
            last.acknowledge();
        }
    }

    @Test
    @DisplayName("6.2.11 Recovery and redelivery: recover() of a stored message redelivers it, counted, ahead of what was prefetched")
    void recoverRedeliversStoredMessages() throws Exception {
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("recovered");
            JMSProducer p = ctx.createProducer();
            for (int i = 0; i < 5; i++) {
                p.send(q, "r" + i);
            }
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receive(WAIT).getBody(String.class)).isEqualTo("r0");
            assertThat(c.receive(WAIT).getBody(String.class)).isEqualTo("r1");
            ctx.recover();
            for (int i = 0; i < 5; i++) {
                Message m = c.receive(WAIT);
                assertThat(m.getBody(String.class)).isEqualTo("r" + i);
                assertThat(m.getIntProperty("JMSXDeliveryCount")).as("r" + i).isEqualTo(i < 2 ? 2 : 1);
                if (i == 4) {
                    m.acknowledge();
                }
            }
            assertThat(c.receive(200)).isNull();
        }
    }
}
