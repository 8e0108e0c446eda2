package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.Jms;
import dev.ferrymq.cdi.support.TestBroker;
import dev.ferrymq.cdi.support.TestFactoryProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** A listener's result goes to JMSReplyTo with JMSCorrelationID set (request/reply, spec 4.3 / 6.2.8 usage). */
@Tag("provider-neutral")
@Timeout(60)
class RequestReplyTest {

    private static SeContainer container;

    public record Quote(String symbol, double price) {
    }

    @ApplicationScoped
    static class Replier {
        @JmsListener(queue = "rr.upper")
        String upper(String text) {
            return text.toUpperCase(java.util.Locale.ROOT);
        }

        @JmsListener(queue = "rr.quote")
        Quote quote(String symbol) {
            return new Quote(symbol, 1.5);
        }
    }

    @BeforeAll
    static void boot() {
        TestBroker.start();
        container = Cdi.boot(TestFactoryProducer.class, Replier.class);
    }

    @AfterAll
    static void shutdown() {
        container.close();
        TestBroker.stop();
    }

    private static Message request(String queue, String body, String correlationId, String[] sentId) throws Exception {
        try (JMSContext context = Jms.context()) {
            TemporaryQueue replies = context.createTemporaryQueue();
            TextMessage request = context.createTextMessage(body);
            if (correlationId != null) {
                request.setJMSCorrelationID(correlationId);
            }
            request.setJMSReplyTo(replies);
            context.createProducer().send(context.createQueue(queue), request);
            sentId[0] = request.getJMSMessageID();
            try (JMSConsumer consumer = context.createConsumer(replies)) {
                return consumer.receive(10_000);
            }
        }
    }

    @Test
    @DisplayName("The reply carries the request's JMSCorrelationID when it has one")
    void replyKeepsCorrelationId() throws Exception {
        String[] sent = new String[1];
        Message reply = request("rr.upper", "ferry", "corr-1", sent);
        assertThat(((TextMessage) reply).getText()).isEqualTo("FERRY");
        assertThat(reply.getJMSCorrelationID()).isEqualTo("corr-1");
    }

    @Test
    @DisplayName("Without a correlation ID the reply is correlated by the request's JMSMessageID")
    void replyCorrelatesByMessageId() throws Exception {
        String[] sent = new String[1];
        Message reply = request("rr.upper", "boat", null, sent);
        assertThat(((TextMessage) reply).getText()).isEqualTo("BOAT");
        assertThat(reply.getJMSCorrelationID()).isEqualTo(sent[0]).isNotNull();
    }

    @Test
    @DisplayName("A result of another type is sent as JSON text through JSON-B")
    void objectResultAsJson() throws Exception {
        String[] sent = new String[1];
        Message reply = request("rr.quote", "FRY", "q", sent);
        assertThat(((TextMessage) reply).getText()).isEqualTo("{\"price\":1.5,\"symbol\":\"FRY\"}");
    }
}
