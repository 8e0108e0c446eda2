package dev.ferrymq.tck.simplified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 7.x with JMSProducer: body forms, properties, headers, delivery options, chaining, async. */
class JMSProducerTest extends JmsTestBase {

    private JMSContext ctx;
    private Queue q;
    private JMSConsumer c;

    private void open() {
        ctx = context();
        q = queue();
        c = ctx.createConsumer(q);
    }

    private Message receive() {
        Message m = c.receive(RECEIVE_TIMEOUT);
        assertThat(m).as("message received").isNotNull();
        return m;
    }

    @Test
    @SpecSection("2.8.2 Key features of the simplified API")
    void sendStringMakesATextMessage() throws Exception {
        open();
        ctx.createProducer().send(q, "text");
        assertThat(((TextMessage) receive()).getText()).isEqualTo("text");
    }

    @Test
    @SpecSection("2.8.2 Key features of the simplified API")
    void sendMapMakesAMapMessage() throws Exception {
        open();
        ctx.createProducer().send(q, Map.<String, Object>of("a", 1));
        assertThat(((MapMessage) receive()).getInt("a")).isEqualTo(1);
    }

    @Test
    @SpecSection("2.8.2 Key features of the simplified API")
    void sendBytesMakesABytesMessage() throws Exception {
        open();
        ctx.createProducer().send(q, new byte[] {1, 2});
        assertThat(receive().getBody(byte[].class)).containsExactly(1, 2);
        assertThat(c).isNotNull();
    }

    @Test
    @SpecSection("2.8.2 Key features of the simplified API")
    void sendSerializableMakesAnObjectMessage() throws Exception {
        open();
        ctx.createProducer().send(q, new ArrayList<>(List.of("x")));
        assertThat(((ObjectMessage) receive()).getObject()).isEqualTo(List.of("x"));
    }

    @Test
    @SpecSection("2.8.2 Key features of the simplified API")
    void sendNullBytesMakesAnEmptyBytesMessage() throws Exception {
        open();
        ctx.createProducer().send(q, (byte[]) null);
        assertThat(receive()).isInstanceOf(BytesMessage.class);
    }

    @Test
    @SpecSection("7.5 Setting message properties")
    void producerPropertiesAreSetOnSentMessages() throws Exception {
        open();
        ctx.createProducer().setProperty("s", "v").setProperty("i", 3).setProperty("b", true).setProperty("d", 1.5)
                .send(q, "props");
        Message m = receive();
        assertThat(m.getStringProperty("s")).isEqualTo("v");
        assertThat(m.getIntProperty("i")).isEqualTo(3);
        assertThat(m.getBooleanProperty("b")).isTrue();
        assertThat(m.getDoubleProperty("d")).isEqualTo(1.5);
    }

    @Test
    @SpecSection("7.5 Setting message properties")
    void producerPropertyGettersConvertLikeMessages() {
        JMSProducer p = context().createProducer().setProperty("i", 5).setProperty("s", "7");
        assertThat(p.getLongProperty("i")).isEqualTo(5L);
        assertThat(p.getStringProperty("i")).isEqualTo("5");
        assertThat(p.getIntProperty("s")).isEqualTo(7);
        assertThat(p.propertyExists("i")).isTrue();
        assertThat(p.getPropertyNames()).containsExactlyInAnyOrder("i", "s");
        assertThatThrownBy(() -> p.getBooleanProperty("i")).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @SpecSection("7.5 Setting message properties")
    void clearPropertiesRemovesProducerProperties() {
        JMSProducer p = context().createProducer().setProperty("i", 5).clearProperties();
        assertThat(p.propertyExists("i")).isFalse();
        assertThat(p.getPropertyNames()).isEmpty();
    }

    @Test
    @SpecSection("7.5 Setting message properties")
    void invalidPropertyObjectThrowsMessageFormatRuntime() {
        JMSProducer p = context().createProducer();
        assertThatThrownBy(() -> p.setProperty("x", new ArrayList<String>())).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @SpecSection("7.5 Setting message properties")
    void nullOrEmptyPropertyNameIsRejected() {
        JMSProducer p = context().createProducer();
        assertThatThrownBy(() -> p.setProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SpecSection("7.6 Setting message headers")
    void producerHeadersAreSetOnSentMessages() throws Exception {
        open();
        Queue replyTo = queue();
        JMSProducer p = ctx.createProducer().setJMSCorrelationID("corr").setJMSType("type").setJMSReplyTo(replyTo);
        assertThat(p.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(p.getJMSType()).isEqualTo("type");
        assertThat(p.getJMSReplyTo()).isEqualTo(replyTo);
        p.send(q, "headers");
        Message m = receive();
        assertThat(m.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(m.getJMSType()).isEqualTo("type");
        assertThat(m.getJMSReplyTo()).isEqualTo(replyTo);
    }

    @Test
    @SpecSection("7.4 Setting message delivery options")
    void deliveryOptionsDefaultsAndValues() throws Exception {
        open();
        JMSProducer p = ctx.createProducer();
        assertThat(p.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(p.getPriority()).isEqualTo(4);
        assertThat(p.getTimeToLive()).isZero();
        assertThat(p.getDeliveryDelay()).isZero();
        p.setDeliveryMode(DeliveryMode.NON_PERSISTENT).setPriority(8).setTimeToLive(60_000).send(q, "options");
        Message m = receive();
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(8);
        assertTimeOfSend(m.getJMSExpiration(), m, 60_000, "JMSExpiration");
    }

    @Test
    @SpecSection("7.10 JMSProducer method chaining")
    void settersReturnTheSameProducer() {
        JMSProducer p = context().createProducer();
        assertThat(p.setDeliveryMode(DeliveryMode.PERSISTENT)).isSameAs(p);
        assertThat(p.setPriority(3)).isSameAs(p);
        assertThat(p.setTimeToLive(1)).isSameAs(p);
        assertThat(p.setDeliveryDelay(1)).isSameAs(p);
        assertThat(p.setDisableMessageID(true)).isSameAs(p);
        assertThat(p.setDisableMessageTimestamp(true)).isSameAs(p);
        assertThat(p.setProperty("a", 1)).isSameAs(p);
        assertThat(p.setJMSType("t")).isSameAs(p);
        assertThat(p.setJMSCorrelationID("c")).isSameAs(p);
        assertThat(p.setAsync(null)).isSameAs(p);
    }

    @Test
    @SpecSection("7.3 Asynchronous send")
    void asyncSendCallsTheCompletionListener() throws Exception {
        open();
        CompletableFuture<Message> done = new CompletableFuture<>();
        JMSProducer p = ctx.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                done.complete(message);
            }

            @Override
            public void onException(Message message, Exception exception) {
                done.completeExceptionally(exception);
            }
        });
        assertThat(p.getAsync()).isNotNull();
        p.send(q, "async");
        assertThat(done.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS).getJMSMessageID()).startsWith("ID:");
        assertThat(((TextMessage) receive()).getText()).isEqualTo("async");
    }

    @Test
    @SpecSection("10.3 Standard exceptions")
    void sendToNullDestinationThrowsInvalidDestinationRuntime() {
        JMSProducer p = context().createProducer();
        assertThatThrownBy(() -> p.send(null, "x")).isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    @SpecSection("10.3 Standard exceptions")
    void sendingAReceivedMessageWithProducerPropertiesThrowsNotWriteable() throws Exception {
        open();
        ctx.createProducer().send(q, "first");
        Message received = receive();
        JMSProducer p = ctx.createProducer().setProperty("extra", 1);
        assertThatThrownBy(() -> p.send(queue(), received)).isInstanceOf(MessageNotWriteableRuntimeException.class);
    }

    @Test
    @SpecSection("7.9 Message delivery delay")
    void deliveryDelayHoldsTheMessageBack() throws Exception {
        open();
        ctx.createProducer().setDeliveryDelay(400).send(q, "later");
        assertThat(c.receive(NO_MESSAGE_TIMEOUT)).isNull();
        assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("later");
    }
}
