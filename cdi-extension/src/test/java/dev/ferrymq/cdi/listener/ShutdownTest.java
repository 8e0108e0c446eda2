package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.CountingConnectionFactory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutdown with messages in flight: no new deliveries, the running calls finish and are
 * acknowledged, the rest stay on the queue; nothing lost, nothing processed twice, no connection left.
 */
@Tag("provider-neutral")
@Timeout(60)
class ShutdownTest {

    static final int MESSAGES = 20;
    static final Queue<String> STARTED = new ConcurrentLinkedQueue<>();
    static final Queue<String> FINISHED = new ConcurrentLinkedQueue<>();
    static final CountDownLatch FOUR_RUNNING = new CountDownLatch(4);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @ApplicationScoped
    static class SlowWorker {
        @JmsListener(queue = "shutdown.work", concurrency = "4")
        void work(String body) throws InterruptedException {
            STARTED.add(body);
            FOUR_RUNNING.countDown();
            if (!RELEASE.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            FINISHED.add(body);
        }
    }

    @AfterEach
    void stopBroker() {
        TestBroker.stop();
    }

    @Test
    @DisplayName("Calls in flight at shutdown finish and are acknowledged; undelivered messages stay; nothing lost or twice; no connection left")
    void inFlightFinishTheRestStays() throws Exception {
        CountingConnectionFactory factory = TestBroker.start();
        SeContainer container = Cdi.boot(TestFactoryProducer.class, SlowWorker.class);
        List<String> sent = IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).toList();
        Jms.send("shutdown.work", sent.toArray(String[]::new));
        assertThat(FOUR_RUNNING.await(20, TimeUnit.SECONDS)).isTrue();
        ListenerContainer listener = container.select(ListenerRegistry.class).get().listeners().get(0);

        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            Future<?> closed = closer.submit(container::close);
            await().atMost(Duration.ofSeconds(20)).until(() -> !listener.running());
            assertThat(closed).as("close waits for the calls in flight").isNotDone();
            RELEASE.countDown();
            closed.get(30, TimeUnit.SECONDS);
        } finally {
            closer.shutdown();
        }

        assertThat(FINISHED).containsExactlyInAnyOrderElementsOf(STARTED).hasSize(4);
        assertThat(factory.open()).as("connections left open").isZero();
        List<String> left = Jms.drainTexts("shutdown.work", 500);
        List<String> all = new ArrayList<>(FINISHED);
        all.addAll(left);
        assertThat(all).containsExactlyInAnyOrderElementsOf(sent);
    }
}
