package dev.ferrymq.engine;

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

    @Test
    @DisplayName("Differences name each option given with another value, or not set at start, and the running value")
    void differences() {
        StartOptions start = new StartOptions("b", Map.of("maxDeliveryAttempts", "5", "store", "memory"));
        assertThat(start.differences(Map.of("maxDeliveryAttempts", "5", "store", " memory"))).isEmpty();
        assertThat(start.differences(Map.of())).as("joining without options").isEmpty();
        assertThat(start.differences(Map.of("maxDeliveryAttempts", "3", "prefetchless", "1"))).containsExactly(
                "maxDeliveryAttempts=3 (running: 5)", "prefetchless=1 (running: not set, so its default)");
    }

    @Test
    @DisplayName("Joining a running broker with other options logs one warning naming them; same options log nothing")
    void warnsOnceWhenJoiningWithOtherOptions() {
        logger.addHandler(capture);
        Brokers.getOrStart(name, Map.of("store", "memory", "maxDeliveryAttempts", "5"));
        Brokers.getOrStart(name, Map.of("store", "memory", "maxDeliveryAttempts", "5"));
        Brokers.getOrStart(name, Map.of());
        assertThat(warnings).isEmpty();
        Brokers.getOrStart(name, Map.of("store", "memory", "maxDeliveryAttempts", "2"));
        Brokers.getOrStart(name, Map.of("store", "memory", "maxDeliveryAttempts", "2"));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("'" + name + "'").contains("maxDeliveryAttempts=2 (running: 5)")
                .contains("ignored");
    }
}
