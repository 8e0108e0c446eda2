package dev.ferrymq.tck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;
import dev.ferrymq.tck.model.foreign.ForeignBytesMessage;
import dev.ferrymq.tck.model.foreign.ForeignMapMessage;
import dev.ferrymq.tck.model.foreign.ForeignMessage;
import dev.ferrymq.tck.model.foreign.ForeignTextMessage;

/**
 * 3.12 Provider implementations of Jakarta Messaging message interfaces: "A provider must be prepared
 * to accept, from a client, a message whose implementation is not one of its own." The messages
 * sent here are hand-written implementations of the interfaces ({@code model.foreign}); the send
 * must set the header fields on that object (3.4.11) and the consumer must get a faithful copy.
 */
@SpecSection("3.12 Provider implementations of Jakarta Messaging message interfaces")
class ForeignMessageTest extends JmsTestBase {

    private Session session;
    private Queue queue;
    private MessageConsumer consumer;

    private void open() throws Exception {
        session = session();
        queue = queue();
        consumer = session.createConsumer(queue);
    }

    private static void decorate(ForeignMessage m, Queue replyTo) {
        m.setStringProperty("s", "text");
        m.setIntProperty("i", 42);
        m.setLongProperty("l", 1L << 40);
        m.setBooleanProperty("b", true);
        m.setDoubleProperty("d", 2.5);
        m.setJMSCorrelationID("corr-1");
        m.setJMSType("foreign-type");
        m.setJMSReplyTo(replyTo);
    }

    private static void assertDecorated(Message r, Queue replyTo) throws Exception {
        assertThat(r.getStringProperty("s")).isEqualTo("text");
        assertThat(r.getIntProperty("i")).isEqualTo(42);
        assertThat(r.getLongProperty("l")).isEqualTo(1L << 40);
        assertThat(r.getBooleanProperty("b")).isTrue();
        assertThat(r.getDoubleProperty("d")).isEqualTo(2.5);
        assertThat(r.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(r.getJMSType()).isEqualTo("foreign-type");
        assertThat(r.getJMSReplyTo()).isEqualTo(replyTo);
    }

    /** Sends with explicit options and checks the headers the send must set on the foreign object. */
    private Message sendAndCheckHeaders(ForeignMessage m) throws Exception {
        MessageProducer p = session.createProducer(queue);
        long before = System.currentTimeMillis();
        p.send(m, DeliveryMode.NON_PERSISTENT, 7, 60_000);
        long after = System.currentTimeMillis();
        assertThat(m.getJMSMessageID()).as("JMSMessageID set on the sent object").startsWith("ID:");
        assertThat(m.getJMSDestination()).as("JMSDestination").isEqualTo(queue);
        assertThat(m.getJMSDeliveryMode()).as("JMSDeliveryMode").isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSPriority()).as("JMSPriority").isEqualTo(7);
        assertThat(m.getJMSTimestamp()).as("JMSTimestamp").isBetween(before, after);
        assertTimeOfSend(m.getJMSExpiration(), m, 60_000, "JMSExpiration");
        Message r = mustReceive(consumer);
        assertThat(r.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
        assertThat(r.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(r.getJMSPriority()).isEqualTo(7);
        assertThat(r.getJMSDestination()).isEqualTo(queue);
        return r;
    }

    @Test
    void foreignPlainMessageIsAcceptedWithHeadersAndProperties() throws Exception {
        open();
        Queue replyTo = queue();
        ForeignMessage m = new ForeignMessage();
        decorate(m, replyTo);
        Message r = sendAndCheckHeaders(m);
        assertDecorated(r, replyTo);
    }

    @Test
    void foreignTextMessageIsAccepted() throws Exception {
        open();
        Queue replyTo = queue();
        ForeignTextMessage m = new ForeignTextMessage("from elsewhere");
        decorate(m, replyTo);
        Message r = sendAndCheckHeaders(m);
        assertThat(r).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) r).getText()).isEqualTo("from elsewhere");
        assertDecorated(r, replyTo);
    }

    @Test
    void foreignBytesMessageIsAccepted() throws Exception {
        open();
        ForeignBytesMessage m = new ForeignBytesMessage();
        m.writeInt(7);
        m.writeUTF("utf");
        m.writeBytes(new byte[] {1, 2, 3});
        Message r = sendAndCheckHeaders(m);
        assertThat(r).isInstanceOf(BytesMessage.class);
        BytesMessage b = (BytesMessage) r;
        assertThat(b.getBodyLength()).isEqualTo(4 + 2 + 3 + 3);
        assertThat(b.readInt()).isEqualTo(7);
        assertThat(b.readUTF()).isEqualTo("utf");
        byte[] rest = new byte[10];
        assertThat(b.readBytes(rest)).isEqualTo(3);
        assertThat(rest).startsWith(1, 2, 3);
    }

    @Test
    void foreignMapMessageIsAccepted() throws Exception {
        open();
        ForeignMapMessage m = new ForeignMapMessage();
        m.setInt("int", 3);
        m.setString("string", "v");
        m.setBoolean("bool", true);
        m.setBytes("bytes", new byte[] {9, 8});
        m.setDouble("double", 0.5);
        Message r = sendAndCheckHeaders(m);
        assertThat(r).isInstanceOf(MapMessage.class);
        MapMessage map = (MapMessage) r;
        assertThat(map.getInt("int")).isEqualTo(3);
        assertThat(map.getString("string")).isEqualTo("v");
        assertThat(map.getBoolean("bool")).isTrue();
        assertThat(map.getBytes("bytes")).containsExactly(9, 8);
        assertThat(map.getDouble("double")).isEqualTo(0.5);
    }

    @Test
    void foreignMessageModifiedAfterSendDoesNotChangeTheSentCopy() throws Exception {
        open();
        ForeignTextMessage m = new ForeignTextMessage("first");
        MessageProducer p = session.createProducer(queue);
        p.send(m);
        m.setText("second");
        m.setIntProperty("i", 2);
        p.send(m);
        TextMessage first = (TextMessage) mustReceive(consumer);
        assertThat(first.getText()).isEqualTo("first");
        assertThat(first.propertyExists("i")).isFalse();
        assertThat(((TextMessage) mustReceive(consumer)).getText()).isEqualTo("second");
    }

    @Test
    void foreignMessageIsAcceptedByAnAsynchronousSend() throws Exception {
        open();
        ForeignTextMessage m = new ForeignTextMessage("async");
        CompletableFuture<Message> done = new CompletableFuture<>();
        session.createProducer(queue).send(m, new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                done.complete(message);
            }

            @Override
            public void onException(Message message, Exception exception) {
                done.completeExceptionally(exception);
            }
        });
        assertThat(done.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isSameAs(m);
        assertThat(m.getJMSMessageID()).startsWith("ID:");
        assertThat(((TextMessage) mustReceive(consumer)).getText()).isEqualTo("async");
    }

    @Test
    @SpecSection("2.8 Simplified API interfaces")
    void foreignMessageIsAcceptedByJMSProducer() throws Exception {
        JMSContext ctx = context();
        Queue q = queue();
        JMSConsumer c = ctx.createConsumer(q);
        ForeignTextMessage m = new ForeignTextMessage("simplified");
        m.setStringProperty("s", "v");
        ctx.createProducer().setPriority(2).send(q, m);
        assertThat(m.getJMSMessageID()).startsWith("ID:");
        assertThat(m.getJMSDestination()).isEqualTo(q);
        assertThat(m.getJMSPriority()).isEqualTo(2);
        Message r = c.receive(RECEIVE_TIMEOUT);
        assertThat(r).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) r).getText()).isEqualTo("simplified");
        assertThat(r.getStringProperty("s")).isEqualTo("v");
        assertThat(r.getJMSPriority()).isEqualTo(2);
    }
}
