package dev.ferrymq.client;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.fake.FakeEngineProvider;
import dev.ferrymq.spi.config.EngineOptions;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The facade parses option text once, against its own and the engine provider's declared options,
 * and hands the engine typed values (5.3 Connection factories: the factory holds the configuration).
 */
@Timeout(30)
class TypedOptionsTest {

    private final FakeBrokers brokers = new FakeBrokers();

    @Test
    @DisplayName("5.3 Connection factories: URL and side options reach the engine typed, engine-wide and per destination")
    void engineGetsTypedValues() throws JMSException {
        FerryConnectionFactory f = brokers.factory("engineThread=TRUE&window@orders.*=3&prefetch=5")
                .withOptions(Map.of("window", " 7"));
        try (Connection ignored = f.createConnection()) {
            EngineOptions asked = FakeEngineProvider.lastAsked(brokers.name);
            assertThat(asked.engine().get(FakeEngineProvider.ENGINE_THREAD)).isEqualTo(Boolean.TRUE);
            assertThat(asked.destinations().get(FakeEngineProvider.WINDOW, "orders.eu")).isEqualTo(3);
            assertThat(asked.destinations().get(FakeEngineProvider.WINDOW, "invoices")).isEqualTo(7);
            assertThat(asked.given()).as("facade options stay with the facade")
                    .containsOnlyKeys("engineThread", "window", "window@orders.*");
        }
    }

    @Test
    @DisplayName("5.3 Connection factories: an invalid engine option value fails createConnection naming the option, before the engine is asked")
    void badValueRefusedBeforeTheEngine() {
        FerryConnectionFactory f = new FerryConnectionFactory("fake://typed-bad-" + brokers.name + "?engineThread=maybe");
        assertThatThrownBy(f::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("'engineThread'").hasMessageContaining("true or false");
        FerryConnectionFactory g = new FerryConnectionFactory("fake://typed-bad-" + brokers.name)
                .withOptions(Map.of("window@orders.*", "0"));
        assertThatThrownBy(g::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("'window'").hasMessageContaining("at least 1");
        assertThatThrownBy(g::checkOptions).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'window'");
        assertThat(FakeEngineProvider.lastAsked("typed-bad-" + brokers.name)).isNull();
    }

    @Test
    @DisplayName("5.3 Connection factories: an option neither the facade nor the engine declares is refused naming it and listing both sets, before the engine is asked")
    void unknownOptionRefusedBeforeTheEngine() {
        FerryConnectionFactory f = new FerryConnectionFactory("fake://typed-unknown-" + brokers.name + "?engineThreads=true");
        assertThatThrownBy(f::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("unknown option 'engineThreads'")
                .hasMessageContaining("engineThread,").hasMessageContaining("prefetch").hasMessageContaining("window");
        assertThat(FakeEngineProvider.lastAsked("typed-unknown-" + brokers.name)).isNull();
    }

    @Test
    @DisplayName("5.3 Connection factories: factories are equal when their options have the same typed values, however they were written or set")
    void equalityComparesTypedValues() {
        FerryConnectionFactory bean = brokers.factory();
        bean.setPrefetch(5);
        assertThat(bean).isEqualTo(brokers.factory("prefetch=05")).hasSameHashCodeAs(brokers.factory("prefetch=05"));
        assertThat(brokers.factory("engineThread=TRUE"))
                .isEqualTo(brokers.factory().withOptions(Map.of("engineThread", "true")))
                .isNotEqualTo(brokers.factory("engineThread=false"));
        assertThat(bean.getUrl()).as("a property is not written into the URL").isEqualTo("fake://" + brokers.name);
    }
}
