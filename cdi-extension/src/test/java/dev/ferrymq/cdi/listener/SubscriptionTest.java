package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.Jms;
import dev.ferrymq.cdi.support.TestBroker;
import dev.ferrymq.cdi.support.TestFactoryProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Topic listeners: durable (6.11.1), shared (6.11.2) and shared durable subscriptions. */
@Tag("provider-neutral")
@Timeout(60)
class SubscriptionTest {

    static final BlockingQueue<String> DURABLE = new LinkedBlockingQueue<>();
    static final Queue<String> SHARED = new ConcurrentLinkedQueue<>();
    static final Queue<String> SHARED_DURABLE = new ConcurrentLinkedQueue<>();
    static final Queue<String> UNSHARED = new ConcurrentLinkedQueue<>();

    @ApplicationScoped
    static class DurableListener {
        @JmsListener(topic = "sub.news", durable = true, subscription = "news-durable", clientId = "cdi-durable-client")
        void news(String body) {
            DURABLE.add(body);
        }
    }

    @ApplicationScoped
    static class SharedListeners {
        @JmsListener(topic = "sub.ticks", shared = true, subscription = "ticks-shared", concurrency = "3")
        void shared(String body) {
            SHARED.add(body);
        }

        @JmsListener(topic = "sub.ticks")
        void everything(String body) {
            UNSHARED.add(body);
        }

        @JmsListener(topic = "sub.orders", shared = true, durable = true, subscription = "orders-sd", concurrency = "1-3")
        void sharedDurable(String body) {
            SHARED_DURABLE.add(body);
        }
    }

    @BeforeEach
    void startBroker() {
        TestBroker.start();
    }

    @AfterEach
    void stopBroker() {
        TestBroker.stop();
    }

    private static void publish(String topic, List<String> bodies) {
        try (JMSContext context = Jms.context()) {
            Topic destination = context.createTopic(topic);
            bodies.forEach(body -> context.createProducer().send(destination, body));
        }
    }

    @Test
    @DisplayName("6.11.1: a durable subscription keeps what was published while the application was down")
    void durableSubscriptionSurvivesRestart() throws Exception {
        Cdi.boot(TestFactoryProducer.class, DurableListener.class).close();
        publish("sub.news", List.of("while down"));
        SeContainer container = Cdi.boot(TestFactoryProducer.class, DurableListener.class);
        try {
            assertThat(DURABLE.poll(10, TimeUnit.SECONDS)).isEqualTo("while down");
            publish("sub.news", List.of("while up"));
            assertThat(DURABLE.poll(10, TimeUnit.SECONDS)).isEqualTo("while up");
        } finally {
            container.close();
        }
    }

    @Test
    @DisplayName("6.11.2: shared subscriptions spread messages over their consumers, each once; an unshared one gets every message")
    void sharedSubscriptionsDeliverEachMessageOnce() {
        List<String> ticks = IntStream.range(0, 30).mapToObj(i -> "t" + i).toList();
        List<String> orders = IntStream.range(0, 20).mapToObj(i -> "o" + i).toList();
        SeContainer container = Cdi.boot(TestFactoryProducer.class, SharedListeners.class);
        try {
            publish("sub.ticks", ticks);
            publish("sub.orders", orders);
            await().atMost(Duration.ofSeconds(20)).until(() -> SHARED.size() >= ticks.size()
                    && UNSHARED.size() >= ticks.size() && SHARED_DURABLE.size() >= orders.size());
        } finally {
            container.close();
        }
        assertThat(SHARED).containsExactlyInAnyOrderElementsOf(ticks);
        assertThat(UNSHARED).containsExactlyInAnyOrderElementsOf(ticks);
        assertThat(SHARED_DURABLE).containsExactlyInAnyOrderElementsOf(orders);
    }
}
