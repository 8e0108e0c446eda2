package dev.ferrymq.client.context;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full stack: "JMSProducer method chaining", send options, properties and headers of JMSProducer. */
@Timeout(30)
class SimplifiedProducerTest extends ContextTestSupport {

    @Test
    @DisplayName("JMSProducer method chaining: fluent options, properties and headers reach the message")
    void chainedOptionsReachTheMessage() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        Queue replies = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        long before = System.currentTimeMillis();
        ctx.createProducer()
                .setProperty("foo", "bar")
                .setProperty("n", 5)
                .setTimeToLive(60_000)
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setPriority(7)
                .setJMSCorrelationID("corr")
                .setJMSType("kind")
                .setJMSReplyTo(replies)
                .send(q, "body");
        Message m = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(m.getStringProperty("foo")).isEqualTo("bar");
        assertThat(m.getIntProperty("n")).isEqualTo(5);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(7);
        assertThat(m.getJMSExpiration()).isBetween(before + 60_000, System.currentTimeMillis() + 60_000);
        assertThat(m.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(m.getJMSType()).isEqualTo("kind");
        assertThat(m.getJMSReplyTo()).isEqualTo(replies);
    }

    @Test
    @DisplayName("JMSProducer: defaults are PERSISTENT, priority 4, no expiry, message ID and timestamp set")
    void defaults() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        JMSProducer p = ctx.createProducer();
        assertThat(p.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(p.getPriority()).isEqualTo(4);
        assertThat(p.getTimeToLive()).isZero();
        assertThat(p.getDeliveryDelay()).isZero();
        assertThat(p.getAsync()).isNull();
        p.send(q, "x");
        Message m = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(4);
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(m.getJMSMessageID()).startsWith("ID:");
        assertThat(m.getJMSTimestamp()).isPositive();
    }

    @Test
    @DisplayName("JMSProducer: options are per JMSProducer although they share the context's producer")
    void optionsPerProducer() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        JMSProducer quiet = ctx.createProducer().setDisableMessageTimestamp(true).setPriority(1);
        JMSProducer plain = ctx.createProducer();
        quiet.send(q, "quiet");
        plain.send(q, "plain");
        Message first = consumer.receive(RECEIVE_TIMEOUT);
        Message second = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(first.getJMSTimestamp()).isZero();
        assertThat(first.getJMSPriority()).isEqualTo(1);
        assertThat(second.getJMSTimestamp()).isPositive();
        assertThat(second.getJMSPriority()).isEqualTo(4);
    }

    @Test
    @DisplayName("JMSProducer: delivery delay holds the message back")
    void deliveryDelay() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().setDeliveryDelay(1_000).send(q, "later");
        assertThat(consumer.receive(ABSENT_TIMEOUT)).isNull();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("later");
    }

    @Test
    @DisplayName("JMSProducer: properties and headers set on the producer override those of a given Message")
    void producerOverridesMessage() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        TextMessage m = ctx.createTextMessage("t");
        m.setStringProperty("p", "message");
        m.setStringProperty("keep", "k");
        m.setJMSType("message-type");
        ctx.createProducer().setProperty("p", "producer").setJMSType("producer-type").send(q, m);
        Message received = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(received.getStringProperty("p")).isEqualTo("producer");
        assertThat(received.getStringProperty("keep")).isEqualTo("k");
        assertThat(received.getJMSType()).isEqualTo("producer-type");
    }

    @Test
    @DisplayName("JMSProducer: sending a received (read-only) message with producer properties → MessageNotWriteableRuntimeException")
    void readOnlyMessage() {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, "x");
        Message received = consumer.receive(RECEIVE_TIMEOUT);
        assertThatThrownBy(() -> ctx.createProducer().setProperty("p", 1).send(q, received))
                .isInstanceOf(MessageNotWriteableRuntimeException.class);
    }

    @Test
    @DisplayName("JMSProducer: invalid arguments throw the runtime exceptions the javadoc names")
    void invalidArguments() {
        JMSContext ctx = context();
        JMSProducer p = ctx.createProducer();
        Queue q = queue(ctx);
        assertThatThrownBy(() -> p.send(null, "x")).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> p.send(null, ctx.createMessage())).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> p.send(q, (Message) null)).isInstanceOf(MessageFormatRuntimeException.class);
        Map<String, Object> badMap = new HashMap<>();
        badMap.put("k", new Object());
        assertThatThrownBy(() -> p.send(q, badMap)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.setProperty("o", new Object())).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.setProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setDeliveryMode(0)).isInstanceOf(jakarta.jms.JMSRuntimeException.class);
        assertThatThrownBy(() -> p.setPriority(10)).isInstanceOf(jakarta.jms.JMSRuntimeException.class);
    }

    @Test
    @DisplayName("JMSProducer setAsync: the CompletionListener is called on another thread with the sent message")
    void asyncSend() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        AtomicReference<Message> completed = new AtomicReference<>();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                thread.set(Thread.currentThread());
                completed.set(message);
                done.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                done.countDown();
            }
        };
        JMSProducer p = ctx.createProducer().setAsync(listener);
        assertThat(p.getAsync()).isSameAs(listener);
        TextMessage m = ctx.createTextMessage("async");
        p.send(q, m);
        assertThat(done.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(thread.get()).isNotSameAs(Thread.currentThread());
        assertThat(completed.get()).isSameAs(m);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("async");
        assertThat(p.setAsync(null).getAsync()).isNull();
    }
}
