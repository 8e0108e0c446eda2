package dev.ferrymq.engine;

import dev.ferrymq.spi.EngineProvider;
import dev.ferrymq.spi.Engines;
import dev.ferrymq.spi.config.EngineOptions;
import dev.ferrymq.spi.config.FullPolicy;
import dev.ferrymq.spi.config.LimitOptions;
import dev.ferrymq.spi.config.RedeliveryOptions;
import dev.ferrymq.store.StoreKind;
import dev.ferrymq.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vm engine through the SPI with typed options: it declares them and reads values, never text. */
@Timeout(30)
class TypedEngineOptionsTest {

    private final String name = "typed-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stop() {
        Brokers.stop(name);
    }

    @Test
    @DisplayName("A vm broker started through the SPI with typed options and no text runs with those values, engine-wide and per destination pattern")
    void startsWithTypedValues() {
        EngineProvider vm = Engines.forScheme("vm");
        EngineOptions options = EngineOptions.defaults()
                .with(StoreOptions.STORE, StoreKind.MEMORY)
                .with(BrokerOptions.DISPATCH_THREADS, 3)
                .with(BrokerOptions.EXPIRY_SWEEP_INTERVAL, 0L)
                .with(BrokerOptions.JMX, false)
                .withDestination(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS, null, 4)
                .withDestination(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS, "orders.*", 2)
                .withDestination(LimitOptions.FULL_POLICY, "orders.*", FullPolicy.FAIL);
        assertThat(vm.engine(name, options)).isSameAs(Brokers.find(name));
        Broker broker = Brokers.find(name);
        assertThat(broker.options().get(BrokerOptions.DISPATCH_THREADS)).isEqualTo(3);
        assertThat(broker.options().get(BrokerOptions.JMX)).isFalse();
        assertThat(broker.destinationOptions().get(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS, "orders.eu")).isEqualTo(2);
        assertThat(broker.destinationOptions().get(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS, "invoices")).isEqualTo(4);
        assertThat(broker.destinationOptions().get(LimitOptions.FULL_POLICY, "orders.eu")).isEqualTo(FullPolicy.FAIL);
        assertThat(broker.destinationOptions().get(LimitOptions.FULL_POLICY, "invoices")).isEqualTo(FullPolicy.BLOCK);
    }

    @Test
    @DisplayName("Typed values are checked by the same declared rules as text: a bad one is refused naming the option, and nothing starts")
    void typedValuesAreChecked() {
        assertThatThrownBy(() -> EngineOptions.defaults().with(BrokerOptions.DISPATCH_THREADS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dispatchThreads'")
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> EngineOptions.defaults().withDestination(RedeliveryOptions.REDELIVERY_JITTER, "a.*", 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'redeliveryJitter'");
        assertThatThrownBy(() -> EngineOptions.defaults().with(StoreOptions.DATA_DIRECTORY, "bad\0dir"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dataDirectory'");
        assertThat(Brokers.find(name)).isNull();
    }

    @Test
    @DisplayName("The vm provider declares every broker option once: the text a URL gives parses to the same typed values")
    void declaredOptionsParseToTheSameValues() {
        EngineOptions parsed = Engines.forScheme("vm").options().parse(java.util.Map.of("store", "memory",
                "dispatchThreads", "3", "maxDeliveryAttempts@orders.*", "2"));
        EngineOptions typed = EngineOptions.defaults().with(StoreOptions.STORE, StoreKind.MEMORY)
                .with(BrokerOptions.DISPATCH_THREADS, 3)
                .withDestination(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS, "orders.*", 2);
        assertThat(parsed).isEqualTo(typed);
    }
}
