package dev.ferrymq.it.boot;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import dev.ferrymq.engine.BrokerOptions;
import dev.ferrymq.it.FerryBroker;
import dev.ferrymq.spi.config.RedeliveryOptions;
import dev.ferrymq.spring.boot.FerryMqProperties;
import jakarta.jms.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The factory {@code ferrymq-spring-boot} makes from {@code ferrymq.*} properties: the options are
 * set beside {@code ferrymq.url}, never written into URL text, and every option is checked when the
 * factory is made (5.3 Connection factories: an administered object holding the configuration).
 */
@Timeout(60)
class BootPropertiesFactoryTest {

    private final FerryBroker broker = new FerryBroker("boot-props");

    @AfterEach
    void stop() {
        broker.close();
    }

    private static StandardEnvironment environment(String... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    @DisplayName("5.3 Connection factories: ferrymq.* properties are options beside ferrymq.url, not URL text; the broker gets them typed")
    void propertiesAreSetBesideTheUrl() throws Exception {
        FerryConnectionFactory factory = FerryMqProperties.factory(environment("ferrymq.url", broker.url(""),
                "ferrymq.prefetch", "7", "ferrymq.dispatch-threads", "3", "ferrymq.max-delivery-attempts", "2",
                "ferrymq.store", "memory"));
        assertThat(factory.getUrl()).isEqualTo(broker.url(""));
        assertThat(factory.getPrefetch()).isEqualTo(7);
        assertThat(factory).isEqualTo(new FerryConnectionFactory(broker.url("")).withOptions(Map.of(
                "prefetch", "7", "dispatchThreads", "3", "maxDeliveryAttempts", "2", "store", "memory")));
        try (Connection ignored = factory.createConnection()) {
            // white-box, on the class path: the engine's typed options, which no exported API shows
            var running = dev.ferrymq.engine.Brokers.find(broker.name());
            assertThat(running.options().get(BrokerOptions.DISPATCH_THREADS)).isEqualTo(3);
            assertThat(running.destinationOptions()
                    .get(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS, "any.queue")).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("5.3 Connection factories: an invalid broker option property fails when the factory is made, naming the option, and no broker starts")
    void invalidBrokerOptionFailsAtOnce() {
        assertThatThrownBy(() -> FerryMqProperties.factory(environment("ferrymq.url", broker.url(""),
                "ferrymq.dispatch-threads", "0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'dispatchThreads'").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> FerryMqProperties.factory(environment("ferrymq.url", broker.url("bogus=1"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown option 'bogus'");
        assertThat(Brokers.isRunning(broker.name())).isFalse();
    }
}
