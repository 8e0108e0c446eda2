package dev.ferrymq.tck.simplified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 8.6 Receiving message bodies synchronously, and the rest of JMSConsumer. */
class JMSConsumerTest extends JmsTestBase {

    private JMSContext ctx;
    private Queue q;
    private JMSConsumer c;

    private void open(int mode) {
        ctx = context(mode);
        q = queue();
        c = ctx.createConsumer(q);
    }

    @Test
    @SpecSection("8.6 Receiving message bodies synchronously")
    void receiveBodyOfEachType() {
        open(JMSContext.AUTO_ACKNOWLEDGE);
        ctx.createProducer().send(q, "text");
        ctx.createProducer().send(q, new byte[] {1});
        ctx.createProducer().send(q, Map.<String, Object>of("a", 1));
        ctx.createProducer().send(q, Integer.valueOf(9));
        assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("text");
        assertThat(c.receiveBody(byte[].class, RECEIVE_TIMEOUT)).containsExactly(1);
        assertThat(c.receiveBody(Map.class, RECEIVE_TIMEOUT)).containsEntry("a", 1);
        assertThat(c.receiveBody(Serializable.class, RECEIVE_TIMEOUT)).isEqualTo(9);
    }

    @Test
    @SpecSection("8.6 Receiving message bodies synchronously")
    void receiveBodyWithTheWrongTypeThrowsAndLeavesTheMessage() {
        open(JMSContext.AUTO_ACKNOWLEDGE);
        ctx.createProducer().send(q, "text");
        assertThatThrownBy(() -> c.receiveBody(Integer.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("text");
    }

    @Test
    @SpecSection("8.6 Receiving message bodies synchronously")
    void receiveBodyRedeliveryAfterFailureIsNotARedelivery() throws Exception {
        open(JMSContext.AUTO_ACKNOWLEDGE);
        ctx.createProducer().send(q, "text");
        assertThatThrownBy(() -> c.receiveBody(Integer.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        Message m = c.receive(RECEIVE_TIMEOUT);
        assertThat(m.getJMSRedelivered()).isFalse();
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    @SpecSection("8.6 Receiving message bodies synchronously")
    void receiveBodyOfAStreamMessageThrows() {
        open(JMSContext.AUTO_ACKNOWLEDGE);
        StreamMessage m = ctx.createStreamMessage();
        ctx.createProducer().send(q, m);
        assertThatThrownBy(() -> c.receiveBody(Object.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @SpecSection("8.6 Receiving message bodies synchronously")
    void receiveBodyOfAMessageWithoutBodyThrows() {
        open(JMSContext.AUTO_ACKNOWLEDGE);
        ctx.createProducer().send(q, ctx.createMessage());
        assertThatThrownBy(() -> c.receiveBody(Object.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @SpecSection("8.6 Receiving message bodies synchronously")
    void receiveBodyInClientAcknowledgeModeIsNotDeliveredAgainWithoutRecover() {
        open(JMSContext.CLIENT_ACKNOWLEDGE);
        ctx.createProducer().send(q, "text");
        assertThatThrownBy(() -> c.receiveBody(Integer.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(c.receive(NO_MESSAGE_TIMEOUT)).isNull();
        ctx.recover();
        assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("text");
    }

    @Test
    @SpecSection("8.6 Receiving message bodies synchronously")
    void receiveBodyNoWaitAndTimeoutReturnNullWhenEmpty() {
        open(JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(c.receiveBodyNoWait(String.class)).isNull();
        assertThat(c.receiveBody(String.class, NO_MESSAGE_TIMEOUT)).isNull();
    }

    @Test
    @SpecSection("8.5 Receiving messages synchronously")
    void receiveVariants() {
        open(JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(c.receiveNoWait()).isNull();
        assertThat(c.receive(NO_MESSAGE_TIMEOUT)).isNull();
        ctx.createProducer().send(q, "x");
        assertThat(c.receive(RECEIVE_TIMEOUT)).isNotNull();
    }

    @Test
    @SpecSection("8.7 Receiving messages asynchronously")
    void listenerReceivesMessages() throws Exception {
        open(JMSContext.AUTO_ACKNOWLEDGE);
        LinkedBlockingQueue<Message> got = new LinkedBlockingQueue<>();
        c.setMessageListener(got::add);
        assertThat(c.getMessageListener()).isNotNull();
        ctx.createProducer().send(q, "async");
        assertThat(got.poll(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS).getBody(String.class)).isEqualTo("async");
    }

    @Test
    @SpecSection("8.1 Consumers")
    void consumerReportsItsSelector() {
        JMSContext context = context();
        assertThat(context.createConsumer(queue()).getMessageSelector()).isNull();
        assertThat(context.createConsumer(queue(), "a = 1").getMessageSelector()).isEqualTo("a = 1");
    }
}
