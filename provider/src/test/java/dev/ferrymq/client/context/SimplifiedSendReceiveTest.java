package dev.ferrymq.client.context;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full stack: "Simplified API interfaces" — sending bodies with JMSProducer, receiving with JMSConsumer. */
@Timeout(30)
class SimplifiedSendReceiveTest extends ContextTestSupport {

    @Test
    @DisplayName("Simplified API interfaces: send a String body, receive a TextMessage")
    void textBody() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, "hello");
        Message m = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(m).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) m).getText()).isEqualTo("hello");
        assertThat(m.getJMSDestination()).isEqualTo(q);
    }

    @Test
    @DisplayName("Simplified API interfaces: send Map, byte[] and Serializable bodies as Map, Bytes and Object messages")
    void otherBodies() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        JMSProducer producer = ctx.createProducer();
        producer.send(q, Map.<String, Object>of("a", 1, "b", "two"));
        producer.send(q, new byte[] {1, 2, 3});
        producer.send(q, (Serializable) List.of("x", "y"));

        MapMessage map = (MapMessage) consumer.receive(RECEIVE_TIMEOUT);
        assertThat(map.getInt("a")).isEqualTo(1);
        assertThat(map.getString("b")).isEqualTo("two");
        BytesMessage bytes = (BytesMessage) consumer.receive(RECEIVE_TIMEOUT);
        assertThat(bytes.getBody(byte[].class)).containsExactly(1, 2, 3);
        ObjectMessage object = (ObjectMessage) consumer.receive(RECEIVE_TIMEOUT);
        assertThat(object.getObject()).isEqualTo(List.of("x", "y"));
    }

    @Test
    @DisplayName("Simplified API interfaces: null bodies send messages of the right type without body")
    void nullBodies() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        JMSProducer producer = ctx.createProducer();
        producer.send(q, (String) null);
        producer.send(q, (Map<String, Object>) null);
        producer.send(q, (byte[]) null);
        producer.send(q, (Serializable) null);
        TextMessage text = (TextMessage) consumer.receive(RECEIVE_TIMEOUT);
        assertThat(text.getText()).isNull();
        MapMessage map = (MapMessage) consumer.receive(RECEIVE_TIMEOUT);
        assertThat(map.getMapNames().hasMoreElements()).isFalse();
        BytesMessage bytes = (BytesMessage) consumer.receive(RECEIVE_TIMEOUT);
        assertThat(bytes.getBodyLength()).isZero();
        ObjectMessage object = (ObjectMessage) consumer.receive(RECEIVE_TIMEOUT);
        assertThat(object.getObject()).isNull();
    }

    @Test
    @DisplayName("Simplified API interfaces: a Message made by the context is sent as is")
    void sendMessage() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        TextMessage sent = ctx.createTextMessage("m");
        sent.setStringProperty("p", "v");
        ctx.createProducer().send(q, sent);
        Message m = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(m.getBody(String.class)).isEqualTo("m");
        assertThat(m.getStringProperty("p")).isEqualTo("v");
        assertThat(m.getJMSMessageID()).isEqualTo(sent.getJMSMessageID()).startsWith("ID:");
    }

    @Test
    @DisplayName("JMSConsumer receive variants: receiveNoWait and a timed receive return null when nothing is there")
    void receiveNothing() {
        JMSContext ctx = context();
        JMSConsumer consumer = ctx.createConsumer(queue(ctx));
        assertThat(consumer.receiveNoWait()).isNull();
        assertThat(consumer.receive(ABSENT_TIMEOUT)).isNull();
        assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
        assertThat(consumer.receiveBody(String.class, ABSENT_TIMEOUT)).isNull();
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: returns the body of Text, Map, Bytes and Object messages")
    void receiveBody() {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        JMSProducer producer = ctx.createProducer();
        producer.send(q, "text");
        producer.send(q, Map.<String, Object>of("k", 7L));
        producer.send(q, new byte[] {9});
        producer.send(q, (Serializable) 42);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("text");
        assertThat(consumer.receiveBody(Map.class, RECEIVE_TIMEOUT)).isEqualTo(Map.of("k", 7L));
        assertThat(consumer.receiveBody(byte[].class, RECEIVE_TIMEOUT)).containsExactly(9);
        assertThat(consumer.receiveBody(Object.class, RECEIVE_TIMEOUT)).isEqualTo(42);
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: a blocking receiveBody returns the body once a message arrives")
    void receiveBodyBlocking() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, "later");
        assertThat(consumer.receiveBody(String.class)).isEqualTo("later");
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: AUTO_ACKNOWLEDGE — on MessageFormatRuntimeException the message comes again, not as a redelivery")
    void receiveBodyWrongTypeAuto() throws Exception {
        wrongTypeComesAgain(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: DUPS_OK_ACKNOWLEDGE — on MessageFormatRuntimeException the message comes again, not as a redelivery")
    void receiveBodyWrongTypeDupsOk() throws Exception {
        wrongTypeComesAgain(JMSContext.DUPS_OK_ACKNOWLEDGE);
    }

    private void wrongTypeComesAgain(int mode) throws Exception {
        JMSContext ctx = context(mode);
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, "first").send(q, "second");
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        Message again = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(again.getBody(String.class)).isEqualTo("first");
        assertThat(again.getJMSRedelivered()).isFalse();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("second");
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: AUTO_ACKNOWLEDGE — a message without body, a StreamMessage or plain Message throws and stays")
    void receiveBodyNoBody() {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, ctx.createMessage());
        assertThatThrownBy(() -> consumer.receiveBody(Object.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(RECEIVE_TIMEOUT)).isNotNull();
        ctx.createProducer().send(q, ctx.createStreamMessage());
        assertThatThrownBy(() -> consumer.receiveBody(Object.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveNoWait()).isNotNull();
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: CLIENT_ACKNOWLEDGE — the failed message counts as delivered; recover redelivers it")
    void receiveBodyWrongTypeClient() throws Exception {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, "first").send(q, "second");
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("second");
        ctx.recover();
        Message again = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(again.getBody(String.class)).isEqualTo("first");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        ctx.acknowledge();
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: transacted — the failed message counts as delivered; rollback redelivers it")
    void receiveBodyWrongTypeTransacted() throws Exception {
        JMSContext ctx = context(JMSContext.SESSION_TRANSACTED);
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, "first");
        ctx.commit();
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveNoWait()).isNull();
        ctx.rollback();
        Message again = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(again.getBody(String.class)).isEqualTo("first");
        assertThat(again.getJMSRedelivered()).isTrue();
        ctx.commit();
    }

    @Test
    @DisplayName("Simplified API interfaces: getMessageSelector is null without selector and the selector filters")
    void selector() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        assertThat(ctx.createConsumer(q).getMessageSelector()).isNull();
        assertThat(ctx.createConsumer(q, "").getMessageSelector()).isNull();
        Queue colors = queue(ctx);
        JMSConsumer red = ctx.createConsumer(colors, "color = 'red'");
        assertThat(red.getMessageSelector()).isEqualTo("color = 'red'");
        ctx.createProducer().setProperty("color", "blue").send(colors, "b").setProperty("color", "red").send(colors, "r");
        assertThat(red.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("r");
        assertThat(red.receiveNoWait()).isNull();
    }

    @Test
    @DisplayName("Simplified API interfaces: a topic message reaches every consumer, including a shared one once")
    void topics() {
        JMSContext ctx = context();
        var t = topic(ctx);
        JMSConsumer a = ctx.createConsumer(t);
        JMSConsumer b = ctx.createConsumer(t);
        JMSConsumer shared1 = ctx.createSharedConsumer(t, "s");
        JMSConsumer shared2 = ctx.createSharedConsumer(t, "s");
        ctx.createProducer().send(t, "news");
        assertThat(a.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("news");
        assertThat(b.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("news");
        String one = shared1.receiveBody(String.class, ABSENT_TIMEOUT);
        String two = shared2.receiveBody(String.class, ABSENT_TIMEOUT);
        assertThat(one == null ? two : one).isEqualTo("news");
        assertThat(one == null || two == null).isTrue();
    }

    @Test
    @DisplayName("Simplified API interfaces: durable consumer keeps messages while closed; unsubscribe removes it")
    void durable() {
        JMSContext ctx = context();
        ctx.setClientID("durable-client");
        var t = topic(ctx);
        ctx.createDurableConsumer(t, "sub").close();
        ctx.createProducer().send(t, "kept");
        JMSConsumer again = ctx.createDurableConsumer(t, "sub");
        assertThat(again.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("kept");
        again.close();
        ctx.unsubscribe("sub");
    }

    @Test
    @DisplayName("Simplified API interfaces: temporary queue and browser")
    void temporaryAndBrowser() throws Exception {
        JMSContext ctx = context();
        var temp = ctx.createTemporaryQueue();
        ctx.createProducer().send(temp, "peek");
        var browser = ctx.createBrowser(temp);
        assertThat(browser.getEnumeration().hasMoreElements()).isTrue();
        browser.close();
        assertThat(ctx.createConsumer(temp).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("peek");
    }
}
