package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsHeader;
import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.JmsProperty;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.Jms;
import dev.ferrymq.cdi.support.TestBroker;
import dev.ferrymq.cdi.support.TestFactoryProducer;
import dev.ferrymq.spi.DeadLetterProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Listener parameters: the message, its body converted to each supported type, headers and properties; a body that does not convert goes to the dead-letter queue. */
@Tag("provider-neutral")
@Timeout(60)
class ConversionTest {

    static final BlockingQueue<Object> CALLS = new LinkedBlockingQueue<>();
    private static SeContainer container;

    public record Order(String id, int quantity) implements Serializable {
    }

    public record Quote(String symbol, double price) {
    }

    @ApplicationScoped
    static class Listeners {
        @JmsListener(queue = "conv.string")
        void text(String body) {
            CALLS.add("string:" + body);
        }

        @JmsListener(queue = "conv.bytes")
        void bytes(byte[] body) {
            CALLS.add("bytes:" + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }

        @JmsListener(queue = "conv.map")
        void map(Map<String, Object> body) {
            CALLS.add("map:" + new java.util.TreeMap<>(body));
        }

        @JmsListener(queue = "conv.object")
        void object(Order order) {
            CALLS.add(order);
        }

        @JmsListener(queue = "conv.json")
        void json(Quote quote) {
            CALLS.add(quote);
        }

        @JmsListener(queue = "conv.message")
        void message(TextMessage message) throws Exception {
            CALLS.add("message:" + message.getText());
        }

        @JmsListener(queue = "conv.headers")
        void headers(@JmsHeader("JMSCorrelationID") String correlation, @JmsHeader("JMSPriority") int priority,
                     @JmsProperty("region") String region, @JmsProperty("count") long count, @JmsProperty("absent") Integer absent,
                     String body) {
            CALLS.add(List.of(correlation, priority, region, count, String.valueOf(absent), body));
        }
    }

    @ApplicationScoped
    static class PrimitiveProperty {
        @JmsListener(queue = "conv.primitive")
        void quantity(@JmsProperty("qty") int quantity, String body) {
            CALLS.add("qty:" + quantity);
        }
    }

    /** A dependent listener bean works as well (one instance per listener). */
    @Dependent
    static class DependentListener {
        @JmsListener(queue = "conv.dependent")
        public void onMessage(Message message) {
            CALLS.add("dependent");
        }
    }

    @BeforeAll
    static void boot() {
        TestBroker.start();
        container = Cdi.boot(TestFactoryProducer.class, Listeners.class, DependentListener.class, PrimitiveProperty.class);
    }

    @AfterAll
    static void shutdown() {
        container.close();
        TestBroker.stop();
    }

    private static Object nextCall() throws InterruptedException {
        return CALLS.poll(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("String, Message subtype and dependent beans: the text and the message as they are")
    void textAndMessage() throws Exception {
        Jms.send("conv.string", "hello");
        assertThat(nextCall()).isEqualTo("string:hello");
        Jms.send("conv.message", "as message");
        assertThat(nextCall()).isEqualTo("message:as message");
        Jms.send("conv.dependent", "x");
        assertThat(nextCall()).isEqualTo("dependent");
    }

    @Test
    @DisplayName("byte[] from a BytesMessage, Map from a MapMessage")
    void bytesAndMap() throws Exception {
        try (JMSContext context = Jms.context()) {
            context.createProducer().send(context.createQueue("conv.bytes"), "raw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            MapMessage map = context.createMapMessage();
            map.setString("a", "1");
            map.setInt("b", 2);
            context.createProducer().send(context.createQueue("conv.map"), map);
        }
        assertThat(List.of(nextCall(), nextCall())).containsExactlyInAnyOrder("bytes:raw", "map:{a=1, b=2}");
    }

    @Test
    @DisplayName("A Serializable type from an ObjectMessage, any other type from JSON text through JSON-B")
    void objectAndJson() throws Exception {
        try (JMSContext context = Jms.context()) {
            context.createProducer().send(context.createQueue("conv.object"), new Order("o-1", 3));
            context.createProducer().send(context.createQueue("conv.json"), "{\"symbol\":\"FRY\",\"price\":12.5}");
        }
        assertThat(List.of(nextCall(), nextCall())).containsExactlyInAnyOrder(new Order("o-1", 3), new Quote("FRY", 12.5));
    }

    @Test
    @DisplayName("@JmsHeader and @JmsProperty parameters, converted by the property conversion rules (3.5.4); a missing one is null")
    void headersAndProperties() throws Exception {
        try (JMSContext context = Jms.context()) {
            TextMessage message = context.createTextMessage("with headers");
            message.setJMSCorrelationID("corr-7");
            message.setStringProperty("region", "eu");
            message.setIntProperty("count", 42);
            context.createProducer().setPriority(6).send(context.createQueue("conv.headers"), message);
        }
        assertThat(nextCall()).isEqualTo(List.of("corr-7", 6, "eu", 42L, "null", "with headers"));
    }

    @Test
    @DisplayName("A body the listener cannot take goes to its dead-letter queue with the reason, once, and the listener is not called")
    void unconvertibleBodyGoesToTheDeadLetterQueue() throws Exception {
        try (JMSContext context = Jms.context()) {
            Queue queue = context.createQueue("conv.string");
            BytesMessage bytes = context.createBytesMessage();
            bytes.writeBytes(new byte[] {1, 2, 3});
            bytes.setStringProperty("kept", "yes");
            context.createProducer().send(queue, bytes);
            context.createProducer().send(context.createQueue("conv.json"), "not json");
        }
        Message dead = Jms.receive("DLQ.conv.string", 10_000);
        assertThat(dead).isInstanceOf(BytesMessage.class);
        assertThat(dead.getBody(byte[].class)).containsExactly(1, 2, 3);
        assertThat(dead.getStringProperty("kept")).isEqualTo("yes");
        assertThat(dead.getStringProperty(DeadLetterProperties.ORIGINAL_DESTINATION)).isEqualTo("conv.string");
        assertThat(dead.getStringProperty(DeadLetterProperties.DLQ_REASON)).contains("BytesMessage cannot be converted to java.lang.String")
                .contains("#text(String)");
        Message deadJson = Jms.receive("DLQ.conv.json", 10_000);
        assertThat(((TextMessage) deadJson).getText()).isEqualTo("not json");
        assertThat(deadJson.getStringProperty(DeadLetterProperties.DLQ_REASON)).contains("not JSON of " + Quote.class.getTypeName());
        assertThat(Jms.receive("DLQ.conv.string", 300)).as("moved once").isNull();
        Jms.send("conv.primitive", "no quantity");
        Message noQuantity = Jms.receive("DLQ.conv.primitive", 10_000);
        assertThat(noQuantity.getStringProperty(DeadLetterProperties.DLQ_REASON))
                .contains("property 'qty' is missing, and parameter type int cannot be null");
        assertThat(CALLS).isEmpty();
    }
}
