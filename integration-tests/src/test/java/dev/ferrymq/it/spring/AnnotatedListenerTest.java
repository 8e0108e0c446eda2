package dev.ferrymq.it.spring;

import dev.ferrymq.it.FerryBroker;
import dev.ferrymq.it.Provider;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.annotation.EnableJms;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.SendTo;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring application with {@code @EnableJms} and a {@code @JmsListener} method whose return value
 * goes to the {@code @SendTo} queue, run unchanged with the provider's ConnectionFactory as its only
 * bean from outside.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AnnotatedListenerTest {

    static final String REQUESTS = "annotated.requests";
    static final String REPLIES = "annotated.replies";

    private final FerryBroker broker = new FerryBroker("annotated");
    private AnnotationConfigApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        broker.close();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("@EnableJms/@JmsListener with @SendTo: the listener's return value arrives on the reply queue, headers bound")
    void listenerReplies(Provider provider) {
        ConnectionFactory factory = provider.factory(broker);
        app = new AnnotationConfigApplicationContext();
        app.registerBean(ConnectionFactory.class, () -> factory);
        app.register(OrderApplication.class);
        app.refresh();

        JmsTemplate template = app.getBean(JmsTemplate.class);
        drain(template, REPLIES);
        template.convertAndSend(REQUESTS, "order-7", m -> {
            m.setStringProperty("customer", "ada");
            return m;
        });
        template.setReceiveTimeout(10_000);
        assertThat(template.receiveAndConvert(REPLIES)).isEqualTo("accepted order-7 for ada");
    }

    /** Artemis's queues outlive a test: leave nothing from an earlier run of this test behind. */
    private static void drain(JmsTemplate template, String queue) {
        template.setReceiveTimeout(50);
        while (template.receive(queue) != null) {
            continue;
        }
    }

    /** The application: configuration as in Spring's reference documentation. */
    @Configuration
    @EnableJms
    static class OrderApplication {

        @Bean
        DefaultJmsListenerContainerFactory jmsListenerContainerFactory(ConnectionFactory connectionFactory) {
            DefaultJmsListenerContainerFactory f = new DefaultJmsListenerContainerFactory();
            f.setConnectionFactory(connectionFactory);
            f.setSessionTransacted(true);
            f.setReceiveTimeout(100L);
            return f;
        }

        @Bean
        JmsTemplate jmsTemplate(ConnectionFactory connectionFactory) {
            return new JmsTemplate(connectionFactory);
        }

        @Bean
        OrderService orderService() {
            return new OrderService();
        }
    }

    static class OrderService {

        @JmsListener(destination = REQUESTS)
        @SendTo(REPLIES)
        public String accept(String order, @Header("customer") String customer, @Headers Map<String, Object> headers) {
            assertThat(headers).containsKey("jms_messageId");
            return "accepted " + order + " for " + customer;
        }
    }
}
