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
 * The delivery mark ({@code dev.ferrymq.engine.queue.DeliveryMarks}): first deliveries of stored
 * messages are made known to the store by one record per window of ids, not one per message, and
 * still come back flagged after a restart; messages far from any delivery come back unflagged.
 * Spec 3.5.11 JMSRedelivered and 3.5.9 JMSXDeliveryCount.
 */
class DeliveryMarkTest extends PersistenceTestSupport {

    private static final long WAIT = 5000;

    @Test
    @DisplayName("3.5.11 JMSRedelivered: consuming 300 stored messages writes a few delivery marks, not one record per message")
    void firstDeliveriesShareMarks() throws Exception {
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("bulk");
            JMSProducer p = ctx.createProducer();
            for (int i = 0; i < 300; i++) {
                p.send(q, "m" + i);
            }
            long before = journalBatches();
            JMSConsumer c = ctx.createConsumer(q);
            Message last = null;
            for (int i = 0; i < 300; i++) {
                last = c.receive(WAIT);
                assertThat(last).as("message " + i).isNotNull();
            }
            long during = journalBatches() - before;
            assertThat(during).as("store writes while 300 messages were delivered").isLessThanOrEqualTo(3);
            last.acknowledge();
        }
    }

    @Test
    @DisplayName("3.5.11 JMSRedelivered: after a restart a delivered message is flagged, one far beyond every delivery is not")
    void onlyMessagesNearADeliveryComeBackFlagged() throws Exception {
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("marked");
            JMSProducer p = ctx.createProducer();
            p.setProperty("pick", true).send(q, "seen");
            p.clearProperties();
            Queue filler = ctx.createQueue("filler");
            for (int i = 0; i < 1500; i++) {
                p.send(filler, "f" + i);
            }
            p.setProperty("pick", false).send(q, "never-seen");
            Message seen = ctx.createConsumer(q, "pick = TRUE").receive(WAIT);
            assertThat(seen.getBody(String.class)).isEqualTo("seen");
        }
        restart();
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("marked"));
            Message first = c.receive(WAIT);
            assertThat(first.getBody(String.class)).isEqualTo("seen");
            assertThat(first.getJMSRedelivered()).isTrue();
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            Message second = c.receive(WAIT);
            assertThat(second.getBody(String.class)).isEqualTo("never-seen");
            assertThat(second.getJMSRedelivered()).as("more than a window of ids beyond the only delivery").isFalse();
            assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            second.acknowledge();
        }
    }

    @Test
    @DisplayName("3.5.9 JMSXDeliveryCount: marks and counts stay right across two restarts, for old and new messages")
    void marksSurviveSeveralRestarts() throws Exception {
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("twice");
            ctx.createProducer().send(q, "old");
            assertThat(ctx.createConsumer(q).receive(WAIT).getBody(String.class)).isEqualTo("old");
        }
        restart();
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("twice");
            ctx.createProducer().send(q, "new");
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receive(WAIT).getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            Message fresh = c.receive(WAIT);
            assertThat(fresh.getBody(String.class)).isEqualTo("new");
            assertThat(fresh.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
        restart();
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("twice"));
            Message old = c.receive(WAIT);
            assertThat(old.getBody(String.class)).isEqualTo("old");
            assertThat(old.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
            Message fresh = c.receive(WAIT);
            assertThat(fresh.getBody(String.class)).isEqualTo("new");
            assertThat(fresh.getJMSRedelivered()).as("delivered under the mark written after the first restart").isTrue();
            assertThat(fresh.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            fresh.acknowledge();
        }
        restart();
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertThat(ctx.createConsumer(ctx.createQueue("twice")).receive(200)).isNull();
        }
    }

    @Test
    @DisplayName("6.11 Durable subscriptions / 3.5.11 JMSRedelivered: a durable subscription's delivered message comes back flagged after a restart, its undelivered ones do not")
    void durableSubscriptionMarksSurvive() throws Exception {
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            ctx.setClientID("marks");
            jakarta.jms.Topic topic = ctx.createTopic("ticks");
            ctx.createDurableConsumer(topic, "sub", "pick = TRUE", false).close();
            JMSProducer p = ctx.createProducer();
            p.setProperty("pick", true).send(topic, "seen");
            JMSConsumer c = ctx.createDurableConsumer(topic, "sub", "pick = TRUE", false);
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("seen");
            c.close();
            Queue filler = ctx.createQueue("filler");
            p.clearProperties();
            for (int i = 0; i < 1500; i++) {
                p.send(filler, "f" + i);
            }
            p.setProperty("pick", true).send(topic, "later");
        }
        restart();
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            ctx.setClientID("marks");
            JMSConsumer c = ctx.createDurableConsumer(ctx.createTopic("ticks"), "sub", "pick = TRUE", false);
            Message seen = c.receive(WAIT);
            assertThat(seen.getBody(String.class)).isEqualTo("seen");
            assertThat(seen.getJMSRedelivered()).isTrue();
            assertThat(seen.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            Message later = c.receive(WAIT);
            assertThat(later.getBody(String.class)).isEqualTo("later");
            assertThat(later.getJMSRedelivered()).isFalse();
            later.acknowledge();
        }
    }
}
