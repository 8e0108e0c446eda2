package dev.ferrymq.engine;

import dev.ferrymq.spi.config.EngineOptions;
import dev.ferrymq.spi.config.RedeliveryOptions;
import dev.ferrymq.store.StoreKind;
import dev.ferrymq.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection that gives a running broker other options is told they are ignored. */
@Timeout(30)
class StartOptionsTest {

    private final String name = "start-options-" + System.nanoTime();
    private final Logger logger = Logger.getLogger(Brokers.class.getName());
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
        Brokers.stop(name);
    }

    private static EngineOptions options(String... keyValues) {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            text.put(keyValues[i], keyValues[i + 1]);
        }
        return BrokerOptions.DECLARED.parse(text);
    }

    @Test
    @DisplayName("Differences compare typed values: each option given with another value, or a pattern not set at start, named with the running value")
    void differences() {
        StartOptions start = new StartOptions("b", options("maxDeliveryAttempts", "5", "store", "memory",
                "deadLetterQueue@orders.*", "ORDERS_DLQ"));
        assertThat(start.differences(options("maxDeliveryAttempts", "5", "store", " MEMORY ")))
                .as("the same typed values, written differently").isEmpty();
        assertThat(start.differences(EngineOptions.defaults())).as("joining without options").isEmpty();
        assertThat(start.differences(options("jmx", "true", "deadLetterQueue@orders.*", "ORDERS_DLQ")))
                .as("a default given explicitly, the same pattern value").isEmpty();
        assertThat(start.differences(options("maxDeliveryAttempts", "3", "expirySweepInterval", "5",
                "maxDeliveryAttempts@orders.*", "2", "store", "file"))).containsExactly(
                "expirySweepInterval=5 (running: 1000, its default)",
                "maxDeliveryAttempts=3 (running: 5)",
                "maxDeliveryAttempts@orders.*=2 (running: not set)",
                "store=file (running: memory)");
    }

    @Test
    @DisplayName("Joining a running broker with other options logs one warning naming them; same options log nothing")
    void warnsOnceWhenJoiningWithOtherOptions() {
        logger.addHandler(capture);
        Brokers.getOrStart(name, options("store", "memory", "maxDeliveryAttempts", "5"));
        Brokers.getOrStart(name, options("store", "memory", "maxDeliveryAttempts", "5"));
        Brokers.getOrStart(name, EngineOptions.defaults());
        assertThat(warnings).isEmpty();
        Brokers.getOrStart(name, options("store", "memory", "maxDeliveryAttempts", "2"));
        Brokers.getOrStart(name, EngineOptions.defaults().with(StoreOptions.STORE, StoreKind.MEMORY)
                .withDestination(RedeliveryOptions.MAX_DELIVERY_ATTEMPTS, null, 2));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("'" + name + "'").contains("maxDeliveryAttempts=2 (running: 5)")
                .contains("ignored");
    }
}
