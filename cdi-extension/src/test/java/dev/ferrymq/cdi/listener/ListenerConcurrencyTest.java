package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.Jms;
import dev.ferrymq.cdi.support.TestBroker;
import dev.ferrymq.cdi.support.TestFactoryProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrency "2-6": the listener grows to six consumers under load (each call waits until six run
 * at once, so the test only finishes if it does), never beyond, processes each message exactly once,
 * and shrinks back to two when idle.
 */
@Tag("provider-neutral")
@Timeout(60)
class ListenerConcurrencyTest {

    static final int MESSAGES = 60;
    static final Map<String, AtomicInteger> PROCESSED = new ConcurrentHashMap<>();
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
    static final CountDownLatch SIX_AT_ONCE = new CountDownLatch(6);

    private SeContainer container;

    @ApplicationScoped
    static class Worker {
        @JmsListener(queue = "conc.work", concurrency = "2-6")
        void work(String body) throws InterruptedException {
            int now = RUNNING.incrementAndGet();
            MOST_AT_ONCE.accumulateAndGet(now, Math::max);
            THREADS.add(Thread.currentThread().getName());
            try {
                SIX_AT_ONCE.countDown();
                if (!SIX_AT_ONCE.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the listener never ran six calls at once");
                }
                PROCESSED.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }

    @AfterEach
    void shutdown() {
        if (container != null) {
            container.close();
        }
        TestBroker.stop();
    }

    @Test
    @DisplayName("Grows to the maximum under load, never beyond, each message exactly once, back to the minimum when idle")
    void growsWithinRangeEachMessageOnceThenShrinks() {
        TestBroker.start();
        container = Cdi.boot(TestFactoryProducer.class, Worker.class);
        ListenerContainer listener = container.select(ListenerRegistry.class).get().listeners().get(0);
        assertThat(listener.consumers()).isEqualTo(2);

        Jms.send("conc.work", IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).toArray(String[]::new));

        await().atMost(Duration.ofSeconds(30)).until(() -> PROCESSED.size() == MESSAGES);
        assertThat(PROCESSED.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(MOST_AT_ONCE.get()).isEqualTo(6);
        assertThat(listener.peakConcurrentCalls()).isEqualTo(6);
        assertThat(listener.consumers()).isBetween(2, 6);
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.consumers() == 2);
        assertThat(Jms.receive("conc.work", 200)).as("nothing left").isNull();
    }
}
