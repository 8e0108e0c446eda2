package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.config.DestinationOptions;
import dev.ferrymq.spi.config.LimitOptions;
import dev.ferrymq.spi.config.Option;
import dev.ferrymq.spi.config.RedeliveryOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The redelivery delay a queue's policy computes: backoff, its upper bound and jitter, exactly. */
@Timeout(10)
class QueuePolicyDelayTest {

    private static QueuePolicy policy(Map<String, String> options) {
        List<Option<?>> declared = new ArrayList<>(RedeliveryOptions.ALL);
        declared.addAll(LimitOptions.ALL);
        return QueuePolicy.resolve(DestinationOptions.parse(declared, options), "orders", null, null);
    }

    @Test
    @DisplayName("FerryMQ extension: redeliveryDelay grows by redeliveryMultiplier per delivery up to maxRedeliveryDelay")
    void backoffAndBound() {
        QueuePolicy p = policy(Map.of("redeliveryDelay", "100", "redeliveryMultiplier", "2", "maxRedeliveryDelay", "400"));
        assertThat(List.of(p.redeliveryDelay(1), p.redeliveryDelay(2), p.redeliveryDelay(3), p.redeliveryDelay(4),
                p.redeliveryDelay(9))).containsExactly(100L, 200L, 400L, 400L, 400L);
    }

    @Test
    @DisplayName("FerryMQ extension: no redeliveryDelay means at once, whatever the multiplier")
    void noDelay() {
        assertThat(policy(Map.of("redeliveryMultiplier", "3")).redeliveryDelay(5)).isZero();
    }

    @Test
    @DisplayName("FerryMQ extension: redeliveryJitter spreads each delay within ± its fraction")
    void jitter() {
        QueuePolicy p = policy(Map.of("redeliveryDelay", "1000", "redeliveryJitter", "0.1"));
        for (int i = 0; i < 200; i++) {
            assertThat(p.redeliveryDelay(1)).isBetween(900L, 1100L);
        }
    }
}
