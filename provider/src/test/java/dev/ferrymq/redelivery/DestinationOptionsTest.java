package dev.ferrymq.redelivery;

import dev.ferrymq.spi.config.DestinationOptions;
import dev.ferrymq.spi.config.RedeliveryOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.ferrymq.spi.config.RedeliveryOptions.MAX_DELIVERY_ATTEMPTS;
import static dev.ferrymq.spi.config.RedeliveryOptions.REDELIVERY_DELAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-destination option keys and the "most specific wins" rule. */
class DestinationOptionsTest {

    private static DestinationOptions parse(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return RedeliveryOptions.parse(m);
    }

    @Test
    @DisplayName("FerryMQ extension: option@pattern keys; exact name beats patterns, more literal characters beat fewer, options resolve one by one")
    void mostSpecificWins() {
        DestinationOptions o = parse(
                "maxDeliveryAttempts", "7",
                "maxDeliveryAttempts@*", "6",
                "maxDeliveryAttempts@orders.*", "5",
                "maxDeliveryAttempts@orders.eu.*", "4",
                "maxDeliveryAttempts@orders.eu.paris", "3",
                "redeliveryDelay@orders.*", "100");
        assertThat(o.get(MAX_DELIVERY_ATTEMPTS, "orders.eu.paris")).isEqualTo(3);
        assertThat(o.get(MAX_DELIVERY_ATTEMPTS, "orders.eu.lyon")).isEqualTo(4);
        assertThat(o.get(MAX_DELIVERY_ATTEMPTS, "orders.us")).isEqualTo(5);
        assertThat(o.get(MAX_DELIVERY_ATTEMPTS, "billing")).isEqualTo(6);
        assertThat(o.get(REDELIVERY_DELAY, "orders.eu.paris")).as("delay from the only pattern that sets it").isEqualTo(100);
        assertThat(o.get(REDELIVERY_DELAY, "billing")).isZero();
        assertThat(parse().get(MAX_DELIVERY_ATTEMPTS, "x")).isEqualTo(10);
        assertThat(parse("maxDeliveryAttempts@a*b", "1").get(MAX_DELIVERY_ATTEMPTS, "a.x.y.b")).isEqualTo(1);
        assertThat(parse("maxDeliveryAttempts@a*b", "1").get(MAX_DELIVERY_ATTEMPTS, "a.x.y.bc")).isEqualTo(10);
    }

    @Test
    @DisplayName("FerryMQ extension: unknown options and bad values in option@pattern keys are refused with the option named")
    void refused() {
        assertThat(RedeliveryOptions.isKey("maxDeliveryAttempts@x.*")).isTrue();
        assertThat(RedeliveryOptions.isKey("prefetch")).isFalse();
        assertThatThrownBy(() -> parse("maxDeliveryAttempts@q", "-2")).hasMessageContaining("maxDeliveryAttempts");
        assertThatThrownBy(() -> parse("redeliveryJitter", "1.5")).hasMessageContaining("redeliveryJitter");
    }
}
