package dev.ferrymq.it.spring;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.it.FerryBroker;
import jakarta.jms.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.support.GenericXmlApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jms.core.JmsTemplate;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FerryConnectionFactory as a JavaBean in a Spring XML context: no-argument constructor, then
 * {@code url}, {@code clientID}, {@code prefetch}, {@code user} and {@code password} properties,
 * each of its declared type ("Administered objects").
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class XmlConfiguredFactoryTest {

    private final FerryBroker broker = new FerryBroker("xml");
    private GenericXmlApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        broker.close();
    }

    @Test
    @DisplayName("Spring XML <bean class=\"dev.ferrymq.FerryConnectionFactory\"> with <property> elements configures the connections")
    void xmlBean() throws Exception {
        context = new GenericXmlApplicationContext();
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("orders.broker-url", broker.url(""))));
        context.load("classpath:spring/orders-context.xml");
        context.refresh();

        FerryConnectionFactory factory = context.getBean(FerryConnectionFactory.class);
        assertThat(factory.getUrl()).isEqualTo(broker.url("maxDeliveryAttempts=4"));
        assertThat(factory.getPrefetch()).isEqualTo(25);
        assertThat(factory.getUser()).isEqualTo("orders");
        try (Connection c = factory.createConnection()) {
            assertThat(c.getClientID()).isEqualTo("orders-xml");
        }
        JmsTemplate template = context.getBean(JmsTemplate.class);
        template.convertAndSend("xml.orders", "from xml");
        assertThat(template.receiveAndConvert("xml.orders")).isEqualTo("from xml");
    }
}
