package dev.ferrymq.management;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.admin.FerryMqMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Micrometer meters of a broker's queues, bound explicitly or through Metrics.globalRegistry, and a provider without Micrometer. */
@Timeout(30)
class MicrometerTest {

    private final String broker = "mm-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stop() {
        Brokers.stop(broker);
    }

    @Test
    @DisplayName("FerryMqMetrics.forBroker bound to a SimpleMeterRegistry: depth, counters and the processing timer follow the messages; close removes them")
    void binderMeters() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Connection c = new FerryConnectionFactory("vm://" + broker + "?metrics=false").createConnection()) {
            c.start();
            FerryMqMetrics metrics = FerryMqMetrics.forBroker(broker);
            metrics.bindTo(registry);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(new FerryQueue("orders"));
            for (int i = 0; i < 5; i++) {
                p.send(s.createTextMessage("m" + i));
            }
            try (MessageConsumer consumer = s.createConsumer(new FerryQueue("orders"))) {
                for (int i = 0; i < 2; i++) {
                    assertThat(consumer.receive(5000)).isNotNull();
                }
            }
            var tags = new String[]{"broker", broker, "queue", "orders", "destination", "orders", "type", "queue"};
            assertThat(registry.get("ferrymq.queue.depth").tags(tags).gauge().value()).isEqualTo(3.0);
            assertThat(registry.get("ferrymq.messages.enqueued").tags(tags).functionCounter().count()).isEqualTo(5.0);
            assertThat(registry.get("ferrymq.messages.acknowledged").tags(tags).functionCounter().count()).isEqualTo(2.0);
            assertThat(registry.get("ferrymq.queue.reliability").tags(tags).gauge().value()).isEqualTo(1.0);
            FunctionTimer t = registry.get("ferrymq.processing.time").tags(tags).functionTimer();
            assertThat(t.count()).isEqualTo(2.0);
            assertThat(t.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(0.0);
            assertThat(registry.find("ferrymq.acknowledgement.time").functionTimer()).isNotNull();
            assertThat(registry.find("ferrymq.retransmission.time").functionTimer()).isNotNull();
            metrics.close();
            assertThat(registry.find("ferrymq.queue.depth").tags("broker", broker).gauge()).isNull();
        }
    }

    @Test
    @DisplayName("FerryMqMetrics.forBroker of a broker that is not running names it and refuses")
    void binderOfNoBroker() {
        assertThatThrownBy(() -> FerryMqMetrics.forBroker(broker)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + broker + "' is running");
    }

    @Test
    @DisplayName("By default (metrics=true) the broker's meters are in Metrics.globalRegistry until it stops")
    void globalRegistry() throws Exception {
        try (Connection c = new FerryConnectionFactory("vm://" + broker).createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(new FerryQueue("orders")).send(s.createTextMessage("x"));
            FunctionCounter enqueued = Metrics.globalRegistry.find("ferrymq.messages.enqueued")
                    .tags("broker", broker, "queue", "orders").functionCounter();
            assertThat(enqueued).isNotNull();
        }
        Brokers.stop(broker);
        assertThat(Metrics.globalRegistry.find("ferrymq.messages.enqueued").tags("broker", broker).meters()).isEmpty();
    }

    @Test
    @DisplayName("Without Micrometer on the class path the engine loads, starts a broker with metrics=true and stops it")
    void runsWithoutMicrometer() throws Exception {
        URL classes = Brokers.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> support = Class.forName("dev.ferrymq.engine.management.MicrometerSupport", true, loader);
            assertThat(support.getMethod("available").invoke(null)).isEqualTo(false);
            Class<?> brokers = Class.forName("dev.ferrymq.engine.Brokers", true, loader);
            assertThat(brokers).isNotSameAs(Brokers.class);
            Object provider = Class.forName("dev.ferrymq.engine.VmEngineProvider", true, loader)
                    .getConstructor().newInstance();
            Object declared = provider.getClass().getMethod("options").invoke(provider);
            Object options = declared.getClass().getMethod("parse", Map.class)
                    .invoke(declared, Map.of("store", "memory", "metrics", "true", "jmx", "false"));
            Object b = provider.getClass().getMethod("engine", String.class, options.getClass())
                    .invoke(provider, broker + "-isolated", options);
            assertThat(b).isNotNull();
            assertThat(brokers.getMethod("stop", String.class).invoke(null, broker + "-isolated")).isEqualTo(true);
        }
    }
}
