package dev.ferrymq.persistence;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Message delivery mode" (PERSISTENT: once-and-only-once, not lost on a provider failure) and
 * "Durable subscriptions" across a broker restart on the file store.
 */
class PersistenceRestartTest extends PersistenceTestSupport {

    private static final long WAIT = 5000;

    @Test
    @DisplayName("4.1.1 Delivery mode: PERSISTENT queue messages of every body type survive a restart in order; NON_PERSISTENT ones do not")
    void queueMessagesSurviveRestart() throws Exception {
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("orders");
            TextMessage text = ctx.createTextMessage("one");
            text.setStringProperty("s", "x");
            text.setIntProperty("i", 7);
            text.setDoubleProperty("d", 1.5);
            text.setBooleanProperty("b", true);
            text.setJMSCorrelationID("corr-1");
            text.setJMSType("kind");
            text.setJMSReplyTo(ctx.createTopic("replies"));
            ctx.createProducer().setPriority(4).send(q, text);
            ctx.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(q, "volatile-1");
            BytesMessage bytes = ctx.createBytesMessage();
            bytes.writeBytes(new byte[]{1, 2, 3});
            ctx.createProducer().send(q, bytes);
            MapMessage map = ctx.createMapMessage();
            map.setString("k", "v");
            map.setLong("n", 42L);
            map.setBytes("raw", new byte[]{9});
            map.setChar("c", 'z');
            ctx.createProducer().send(q, map);
            StreamMessage stream = ctx.createStreamMessage();
            stream.writeInt(5);
            stream.writeString("s");
            stream.writeObject(null);
            ctx.createProducer().send(q, stream);
            ctx.createProducer().send(q, ctx.createObjectMessage(new ArrayList<>(List.of("obj"))));
            ctx.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(q, "volatile-2");
        }
        restart();
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("orders"));
            TextMessage t = (TextMessage) c.receive(WAIT);
            assertThat(t.getText()).isEqualTo("one");
            assertThat(t.getStringProperty("s")).isEqualTo("x");
            assertThat(t.getIntProperty("i")).isEqualTo(7);
            assertThat(t.getDoubleProperty("d")).isEqualTo(1.5);
            assertThat(t.getBooleanProperty("b")).isTrue();
            assertThat(t.getJMSCorrelationID()).isEqualTo("corr-1");
            assertThat(t.getJMSType()).isEqualTo("kind");
            assertThat(((Topic) t.getJMSReplyTo()).getTopicName()).isEqualTo("replies");
            assertThat(t.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(t.getJMSRedelivered()).isFalse();
            assertThat(t.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            BytesMessage b = (BytesMessage) c.receive(WAIT);
            assertThat(b.getBody(byte[].class)).containsExactly(1, 2, 3);
            MapMessage m = (MapMessage) c.receive(WAIT);
            assertThat(m.getString("k")).isEqualTo("v");
            assertThat(m.getLong("n")).isEqualTo(42L);
            assertThat(m.getBytes("raw")).containsExactly(9);
            assertThat(m.getChar("c")).isEqualTo('z');
            StreamMessage s = (StreamMessage) c.receive(WAIT);
            assertThat(s.readInt()).isEqualTo(5);
            assertThat(s.readString()).isEqualTo("s");
            assertThat(s.readObject()).isNull();
            Message o = c.receive(WAIT);
            assertThat(o.getBody(java.io.Serializable.class)).isEqualTo(List.of("obj"));
            assertThat(c.receive(200)).as("NON_PERSISTENT messages are not kept").isNull();
        }
    }

    @Test
    @DisplayName("6.11 Durable subscriptions: a durable subscription, its selector and its pending PERSISTENT messages survive a restart")
    void durableSubscriptionSurvives() throws Exception {
        try (JMSContext ctx = factory().createContext()) {
            ctx.setClientID("client-1");
            Topic topic = ctx.createTopic("prices");
            ctx.createDurableConsumer(topic, "reds", "color = 'red'", false).close();
            ctx.createSharedDurableConsumer(topic, "all").close();
            for (String color : List.of("red", "blue", "red")) {
                ctx.createProducer().setProperty("color", color).send(topic, color);
            }
            ctx.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setProperty("color", "red").send(topic, "lost");
        }
        restart();
        try (JMSContext ctx = factory().createContext()) {
            ctx.setClientID("client-1");
            Topic topic = ctx.createTopic("prices");
            JMSConsumer reds = ctx.createDurableConsumer(topic, "reds", "color = 'red'", false);
            assertThat(reds.receiveBody(String.class, WAIT)).isEqualTo("red");
            assertThat(reds.receiveBody(String.class, WAIT)).isEqualTo("red");
            assertThat(reds.receive(200)).isNull();
            JMSConsumer all = ctx.createSharedDurableConsumer(topic, "all");
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(all.receiveBody(String.class, WAIT));
            }
            assertThat(got).containsExactly("red", "blue", "red");
            assertThat(all.receive(200)).isNull();
        }
    }

    @Test
    @DisplayName("6.11.1 Unsubscribe: a deleted durable subscription and its messages do not come back after a restart")
    void unsubscribedStaysGone() {
        try (JMSContext ctx = factory().createContext()) {
            ctx.setClientID("client-2");
            Topic topic = ctx.createTopic("news");
            ctx.createDurableConsumer(topic, "sub").close();
            ctx.createProducer().send(topic, "old");
            ctx.unsubscribe("sub");
        }
        restart();
        try (JMSContext ctx = factory().createContext()) {
            ctx.setClientID("client-2");
            JMSConsumer c = ctx.createDurableConsumer(ctx.createTopic("news"), "sub");
            assertThat(c.receive(200)).isNull();
        }
    }

    @Test
    @DisplayName("7.9 Delivery delay: a scheduled PERSISTENT message survives a restart and is delivered at its time, not before")
    void scheduledMessageSurvives() {
        long deliveryTime;
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            deliveryTime = System.currentTimeMillis() + 1500;
            ctx.createProducer().setDeliveryDelay(1500).send(ctx.createQueue("later"), "scheduled");
        }
        restart();
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("later"));
            assertThat(c.receive(100)).isNull();
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("scheduled");
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(deliveryTime);
        }
    }

    @Test
    @DisplayName("3.5.11 JMSRedelivered and 3.5.9 JMSXDeliveryCount: counts survive a restart; a message seen before the restart comes back flagged")
    void deliveryCountsSurvive() throws Exception {
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("counted");
            ctx.createProducer().send(q, "recovered");
            ctx.createProducer().send(q, "seen-once");
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receive(WAIT).getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            ctx.recover();
            Message again = c.receive(WAIT);
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            Message second = c.receive(WAIT);
            assertThat(second.getBody(String.class)).isEqualTo("seen-once");
            assertThat(second.getJMSRedelivered()).isFalse();
        }
        restart();
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("counted"));
            Message first = c.receive(WAIT);
            assertThat(first.getBody(String.class)).isEqualTo("recovered");
            assertThat(first.getJMSRedelivered()).isTrue();
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
            Message second = c.receive(WAIT);
            assertThat(second.getBody(String.class)).isEqualTo("seen-once");
            assertThat(second.getJMSRedelivered()).as("delivered once before the restart, never acknowledged").isTrue();
            assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            ctx.acknowledge();
        }
        restart();
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertThat(ctx.createConsumer(ctx.createQueue("counted")).receive(200)).isNull();
        }
    }

    @Test
    @DisplayName("6.2.10 Acknowledgement and 6.2.7 Transactions: acknowledged and committed consumption never comes back; uncommitted sends are gone")
    void acknowledgedAndCommittedStayConsumed() {
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("work");
            for (int i = 0; i < 6; i++) {
                ctx.createProducer().send(q, "m" + i);
            }
            JMSConsumer c = ctx.createConsumer(q);
            c.receive(WAIT);
            c.receive(WAIT);
            ctx.acknowledge();
        }
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            assertThat(ctx.createConsumer(ctx.createQueue("work")).receiveBody(String.class, WAIT)).isEqualTo("m2");
        }
        try (JMSContext tx = context(JMSContext.SESSION_TRANSACTED)) {
            Queue q = tx.createQueue("work");
            JMSConsumer c = tx.createConsumer(q);
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("m3");
            tx.createProducer().send(q, "sent-in-commit");
            tx.commit();
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("m4");
            tx.createProducer().send(q, "never-committed");
        }
        restart();
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("work"));
            List<String> left = new ArrayList<>();
            for (String s; (s = c.receiveBody(String.class, 300)) != null; ) {
                left.add(s);
            }
            assertThat(left).containsExactly("m4", "m5", "sent-in-commit");
        }
    }

    @Test
    @DisplayName("Dead-letter queues: a message moved to DLQ.<queue> after its delivery attempts survives a restart there, not in its queue")
    void deadLetterQueueSurvives() throws Exception {
        String options = "maxDeliveryAttempts=2";
        try (JMSContext ctx = new dev.ferrymq.FerryConnectionFactory(url(options)).createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue("poison");
            ctx.createProducer().send(q, "bad");
            ctx.commit();
            JMSConsumer c = ctx.createConsumer(q);
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("bad");
                ctx.rollback();
            }
            assertThat(c.receive(200)).isNull();
        }
        restart();
        try (JMSContext ctx = new dev.ferrymq.FerryConnectionFactory(url(options)).createContext()) {
            assertThat(ctx.createConsumer(ctx.createQueue("poison")).receive(200)).isNull();
            Message dead = ctx.createConsumer(ctx.createQueue("DLQ.poison")).receive(WAIT);
            assertThat(dead.getBody(String.class)).isEqualTo("bad");
        }
    }

    @Test
    @DisplayName("store=memory keeps nothing on disk and nothing across a restart")
    void memoryStoreKeepsNothing() throws Exception {
        String url = "vm://" + broker + "?store=memory";
        try (JMSContext ctx = new dev.ferrymq.FerryConnectionFactory(url).createContext()) {
            ctx.createProducer().send(ctx.createQueue("mem"), "gone");
        }
        restart();
        try (JMSContext ctx = new dev.ferrymq.FerryConnectionFactory(url).createContext()) {
            assertThat(ctx.createConsumer(ctx.createQueue("mem")).receive(200)).isNull();
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
