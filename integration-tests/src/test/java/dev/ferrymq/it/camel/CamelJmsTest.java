package dev.ferrymq.it.camel;

import dev.ferrymq.it.FerryBroker;
import dev.ferrymq.it.Provider;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jms.core.JmsTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache Camel 4's camel-jms routes, unchanged, on FerryMQ and on Artemis: queue to queue, a
 * transacted route whose processor fails ("Local transactions": the consumed message and the
 * message sent by the route commit or roll back together, the provider redelivers), and InOut
 * request/reply (JMSReplyTo, JMSCorrelationID).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CamelJmsTest {

    private final FerryBroker broker = new FerryBroker("camel");
    private CamelContext camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        broker.close();
    }

    private CamelContext start(ConnectionFactory factory, RouteBuilder routes) throws Exception {
        camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(5);
        JmsComponent jms = JmsComponent.jmsComponentAutoAcknowledge(factory);
        jms.getConfiguration().setReceiveTimeout(100);
        jms.getConfiguration().setRecoveryInterval(100);
        camel.addComponent("jms", jms);
        camel.addRoutes(routes);
        camel.start();
        return camel;
    }

    private static JmsTemplate template(ConnectionFactory factory) {
        JmsTemplate t = new JmsTemplate(factory);
        t.setReceiveTimeout(10_000);
        return t;
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("Camel route jms:queue -> jms:queue moves every message once, in order, headers kept")
    void queueToQueue(Provider provider) throws Exception {
        ConnectionFactory factory = provider.factory(broker);
        String in = Provider.unique("camel.in");
        String out = Provider.unique("camel.out");
        start(factory, new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:" + in).setHeader("routed", constant("yes")).to("jms:queue:" + out);
            }
        });
        ProducerTemplate producer = camel.createProducerTemplate();
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "m" + i).toList();
        sent.forEach(body -> producer.sendBodyAndHeader("jms:queue:" + in, body, "origin", "test"));

        JmsTemplate t = template(factory);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            jakarta.jms.Message m = t.receive(out);
            assertThat(m).as("message %d", i).isNotNull();
            assertThat(m.getStringProperty("origin")).isEqualTo("test");
            assertThat(m.getStringProperty("routed")).isEqualTo("yes");
            received.add(m.getBody(String.class));
        }
        assertThat(received).containsExactlyElementsOf(sent);
        t.setReceiveTimeout(200);
        assertThat(t.receive(out)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("Transacted Camel route whose processor fails twice after sending: rolled back and redelivered, every message out exactly once, nothing left")
    void transactedRouteFailsThenSucceeds(Provider provider) throws Exception {
        ConnectionFactory factory = provider.factory(broker);
        String in = Provider.unique("camel.tx.in");
        String out = Provider.unique("camel.tx.out");
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Map<String, List<Boolean>> redelivered = new ConcurrentHashMap<>();
        start(factory, new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:" + in + "?transacted=true")
                        .to("jms:queue:" + out)
                        .process(e -> failTwiceFor("order-2", e, attempts, redelivered));
            }
        });
        JmsTemplate t = template(factory);
        List<String> sent = List.of("order-1", "order-2", "order-3");
        sent.forEach(body -> t.convertAndSend(in, body));

        List<String> received = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Object body = t.receiveAndConvert(out);
            assertThat(body).as("message %d", i).isNotNull();
            received.add((String) body);
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(attempts.get("order-2").get()).isEqualTo(3);
        assertThat(redelivered.get("order-2")).containsExactly(false, true, true);
        t.setReceiveTimeout(300);
        assertThat(t.receive(out)).as("no duplicate from the rolled-back attempts").isNull();
        assertThat(t.receive(in)).as("nothing lost or left").isNull();
    }

    private static void failTwiceFor(String poison, Exchange e, Map<String, AtomicInteger> attempts,
                                     Map<String, List<Boolean>> redelivered) {
        String body = e.getMessage().getBody(String.class);
        redelivered.computeIfAbsent(body, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(e.getMessage().getHeader("JMSRedelivered", Boolean.class));
        int attempt = attempts.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
        if (body.equals(poison) && attempt <= 2) {
            throw new IllegalStateException("processor fails on attempt " + attempt + " of " + body);
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("Camel InOut request/reply over JMS: the caller gets the responder route's answer")
    void requestReply(Provider provider) throws Exception {
        ConnectionFactory factory = provider.factory(broker);
        String quotes = Provider.unique("camel.quotes");
        start(factory, new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:" + quotes).transform(simple("quote for ${body}: 3.20"));
            }
        });
        ProducerTemplate producer = camel.createProducerTemplate();
        assertThat(producer.requestBody("jms:queue:" + quotes + "?requestTimeout=10000", "tea", String.class))
                .isEqualTo("quote for tea: 3.20");
        assertThat(producer.requestBody("jms:queue:" + quotes + "?requestTimeout=10000", "coffee", String.class))
                .isEqualTo("quote for coffee: 3.20");
    }
}
