package dev.ferrymq.engine;

import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.DeliverySink;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Ten thousand consumers need no more threads than the broker's small pool. */
@Timeout(60)
class ScaleTest {

    private static final int CONSUMERS = 10_000;

    private static long engineThreads(String broker) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("ferrymq-" + broker + "-")).count();
    }

    @Test
    @DisplayName("Topic semantics at scale: 10,000 subscriptions served by a 2-thread dispatch pool")
    void tenThousandTopicConsumers() throws Exception {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("dispatchThreads", "2"))) {
            EngineConnection c = b.connect();
            DestinationRef topic = DestinationRef.topic("fan");
            CountDownLatch received = new CountDownLatch(CONSUMERS);
            DeliverySink sink = EngineTestSupport.sink(d -> received.countDown());
            EngineSession[] sessions = new EngineSession[20];
            for (int i = 0; i < sessions.length; i++) {
                sessions[i] = session(c, AckMode.AUTO);
            }
            for (int i = 0; i < CONSUMERS; i++) {
                consumer(sessions[i % sessions.length], ConsumerInfo.of(topic, null, false, 10), sink);
            }
            send(session(b.connect(), AckMode.AUTO), text(topic, "to-all"));
            assertThat(received.await(30, TimeUnit.SECONDS)).as("all 10,000 subscriptions got the message").isTrue();
            assertThat(engineThreads(b.name)).isBetween(1L, 3L);
        }
    }

    @Test
    @DisplayName("Queue semantics at scale: 10,000 competing consumers share 20,000 messages, each delivered once")
    void tenThousandQueueConsumers() throws Exception {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("dispatchThreads", "2"))) {
            EngineConnection c = b.connect();
            DestinationRef q = DestinationRef.queue("work");
            int messages = 2 * CONSUMERS;
            CountDownLatch received = new CountDownLatch(messages);
            AtomicInteger extra = new AtomicInteger();
            DeliverySink sink = EngineTestSupport.sink(d -> {
                if (received.getCount() == 0) {
                    extra.incrementAndGet();
                }
                received.countDown();
            });
            EngineSession s = session(c, AckMode.AUTO);
            for (int i = 0; i < CONSUMERS; i++) {
                consumer(s, ConsumerInfo.of(q, null, false, 5), sink);
            }
            EngineSession producer = session(b.connect(), AckMode.AUTO);
            for (int i = 0; i < messages; i++) {
                send(producer, text(q, "m" + i));
            }
            assertThat(received.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(engineThreads(b.name)).isBetween(1L, 3L);
            var stats = EngineTestSupport.<dev.ferrymq.engine.queue.QueueStats>await(
                    done -> b.broker().queueStats("work", done));
            assertThat(stats.delivered()).isEqualTo(messages);
            assertThat(stats.consumers()).isEqualTo(CONSUMERS);
            assertThat(extra.get()).isZero();
        }
    }
}
