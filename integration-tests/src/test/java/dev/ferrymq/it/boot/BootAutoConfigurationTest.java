package dev.ferrymq.it.boot;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.it.FerryBroker;
import dev.ferrymq.it.boot.app.OrderBootApplication;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jms.health.JmsHealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ferrymq-spring-boot under Spring Boot 4: the application's only FerryMQ-specific parts are the
 * dependency and the {@code ferrymq.*} properties; Boot's JMS auto-configuration does the rest.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BootAutoConfigurationTest {

    private final FerryBroker broker = new FerryBroker("boot");
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        broker.close();
    }

    private ConfigurableApplicationContext run(Class<?> application, String... properties) {
        app = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .properties("spring.jms.listener.receive-timeout=100ms", "spring.main.banner-mode=off")
                .properties(properties).run();
        return app;
    }

    @Test
    @DisplayName("Boot app: ConnectionFactory from ferrymq.url and option properties; JmsTemplate and @JmsListener/@SendTo work on it")
    void applicationRunsOnFerryMq() {
        run(OrderBootApplication.class, "ferrymq.url=" + broker.url(""), "ferrymq.prefetch=10",
                "ferrymq.max-delivery-attempts=2", "ferrymq.user=desk");

        ConnectionFactory factory = app.getBean(ConnectionFactory.class);
        assertThat(factory).isInstanceOf(CachingConnectionFactory.class);
        FerryConnectionFactory ferry = (FerryConnectionFactory) ((CachingConnectionFactory) factory).getTargetConnectionFactory();
        assertThat(ferry.getPrefetch()).isEqualTo(10);
        assertThat(ferry.getUser()).isEqualTo("desk");
        assertThat(ferry.getUrl()).as("options are set beside ferrymq.url, not written into it")
                .isEqualTo(broker.url(""));
        assertThat(ferry.toString()).contains("maxDeliveryAttempts=2");

        JmsTemplate template = app.getBean(JmsTemplate.class);
        template.setReceiveTimeout(10_000);
        template.convertAndSend(OrderBootApplication.ORDERS, "tea x2");
        assertThat(template.receiveAndConvert(OrderBootApplication.CONFIRMATIONS)).isEqualTo("confirmed tea x2");
    }

    @Test
    @DisplayName("Boot app: Boot's JMS health indicator reports FerryMQ up, naming the provider")
    void healthIndicator() {
        run(OrderBootApplication.class, "ferrymq.url=" + broker.url(""));
        Health health = app.getBean("jmsHealthContributor", JmsHealthIndicator.class).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("provider", "FerryMQ");
    }

    @Test
    @DisplayName("Boot app: spring.jms.cache.enabled=false gives the FerryMQ factory itself, as for Artemis")
    void withoutCaching() {
        run(OrderBootApplication.class, "ferrymq.url=" + broker.url(""), "spring.jms.cache.enabled=false");
        assertThat(app.getBean(ConnectionFactory.class)).isInstanceOfSatisfying(FerryConnectionFactory.class,
                f -> assertThat(f.getUrl()).startsWith(broker.url("")));
        JmsTemplate template = app.getBean(JmsTemplate.class);
        template.setReceiveTimeout(10_000);
        template.convertAndSend(OrderBootApplication.ORDERS, "coffee");
        assertThat(template.receiveAndConvert(OrderBootApplication.CONFIRMATIONS)).isEqualTo("confirmed coffee");
    }

    @Test
    @DisplayName("Boot app: a broker option set as a property (ferrymq.max-delivery-attempts=2) reaches the broker: the failing listener's message is dead-lettered")
    void brokerOptionPropertyApplies() throws Exception {
        run(OrderBootApplication.class, "ferrymq.url=" + broker.url(""), "ferrymq.max-delivery-attempts=2",
                "spring.jms.listener.session.transacted=true");
        JmsTemplate template = app.getBean(JmsTemplate.class);
        template.setReceiveTimeout(10_000);
        template.convertAndSend(OrderBootApplication.FAILING, "poison");
        Message dead = template.receive("DLQ." + OrderBootApplication.FAILING);
        assertThat(dead).isNotNull();
        assertThat(dead.getIntProperty("JMS_FERRYMQ_DELIVERY_COUNT")).isEqualTo(2);
    }

    @Test
    @DisplayName("Boot app: the auto-configuration backs off when the application defines its own ConnectionFactory")
    void backsOffForApplicationFactory() {
        run(OwnFactoryApplication.class, "orders.broker-url=" + broker.url("prefetch=3"), "ferrymq.url=vm://not-used");
        assertThat(app.getBeansOfType(ConnectionFactory.class)).containsOnlyKeys("ordersFactory");
        assertThat(app.getBean(ConnectionFactory.class)).isEqualTo(broker.factory("prefetch=3"));
        JmsTemplate template = app.getBean(JmsTemplate.class);
        template.setReceiveTimeout(5_000);
        template.convertAndSend("own.q", "via own factory");
        assertThat(new JmsTemplate(broker.factory()).receiveAndConvert("own.q")).isEqualTo("via own factory");
    }

    @Test
    @DisplayName("Boot app: an invalid option property fails startup naming the option")
    void invalidPropertyFailsStartup() {
        assertThatThrownBy(() -> run(OrderBootApplication.class, "ferrymq.url=" + broker.url(""), "ferrymq.prefetch=0"))
                .hasStackTraceContaining("'prefetch'").hasStackTraceContaining("at least 1");
    }

    @Test
    @DisplayName("Boot app: an option set both in ferrymq.url and as a property fails startup naming both")
    void optionSetTwiceFailsStartup() {
        assertThatThrownBy(() -> run(OrderBootApplication.class, "ferrymq.url=" + broker.url("prefetch=5"),
                "ferrymq.prefetch=10"))
                .hasStackTraceContaining("ferrymq.url").hasStackTraceContaining("ferrymq.prefetch");
    }

    /** An application that builds its own ConnectionFactory bean, from a property of its own. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class OwnFactoryApplication {
        @Bean
        ConnectionFactory ordersFactory(Environment environment) {
            return new FerryConnectionFactory(environment.getRequiredProperty("orders.broker-url"));
        }
    }
}
