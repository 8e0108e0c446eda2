package dev.ferrymq.engine;

import dev.ferrymq.engine.EngineTestSupport.Sink;
import dev.ferrymq.engine.queue.ExpirySweeper;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueStats;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineProvider;
import dev.ferrymq.spi.Engines;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry sweeper visits only the queues that may hold a message with an expiration (spec
 * 3.4.9 "JMSExpiration": an expired message is not delivered; the sweep drops the ones nobody asks
 * for), so its cost follows those queues, not all of the broker's. Counted through the sweeper's
 * visit and sweep counters, never timed.
 */
@Timeout(60)
class ExpirySweepTest {

    private static final int QUEUES = 2_000;

    private static QueueStats stats(EngineTestSupport b, String queue) {
        return await(done -> b.broker().queueStats(queue, done));
    }

    private static MessageQueue queue(EngineTestSupport b, String name) {
        List<MessageQueue> found = new ArrayList<>();
        b.broker().forEachQueue(q -> {
            if (q.name().equals(name)) {
                found.add(q);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    @DisplayName("JMSExpiration sweep: thousands of queues without expiring messages are not visited; one with one is, until it expired")
    void visitsOnlyQueuesWithExpiringMessages() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("expirySweepInterval", "5"))) {
            ExpirySweeper sweeper = b.broker().expirySweeper();
            EngineSession s = session(b.connect(), AckMode.AUTO);
            for (int i = 0; i < QUEUES; i++) {
                send(s, text(DestinationRef.queue("plain-" + i), "lasting"));
            }
            long sweepsBefore = sweeper.sweeps();
            eventually(() -> sweeper.sweeps() >= sweepsBefore + 3);
            assertThat(sweeper.visits()).isZero();
            assertThat(sweeper.watchedCount()).isZero();

            DestinationRef witness = DestinationRef.queue("witness");
            send(s, message(witness, "short-lived").expiration(System.currentTimeMillis() + 30).build());
            eventually(() -> stats(b, "witness").expired() == 1);
            eventually(() -> sweeper.watchedCount() == 0);

            // at most the witness, once a sweep (+1: a sweep may be between its visit and its count)
            assertThat(sweeper.visits()).isPositive().isLessThanOrEqualTo(sweeper.sweeps() - sweepsBefore + 1);
            for (int i = 0; i < QUEUES; i += 499) {
                assertThat(stats(b, "plain-" + i).available()).isEqualTo(1);
            }
        }
    }

    @Test
    @DisplayName("JMSExpiration sweep: a queue the sweep dropped from its set joins again when another expiring message arrives")
    void queueJoinsAgain() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("expirySweepInterval", "5"))) {
            ExpirySweeper sweeper = b.broker().expirySweeper();
            EngineSession s = session(b.connect(), AckMode.AUTO);
            DestinationRef q = DestinationRef.queue("q");
            send(s, message(q, "first").expiration(System.currentTimeMillis() + 20).build());
            eventually(() -> stats(b, "q").expired() == 1);
            eventually(() -> sweeper.watchedCount() == 0);
            long visits = sweeper.visits();
            long sweeps = sweeper.sweeps();
            eventually(() -> sweeper.sweeps() >= sweeps + 3);
            assertThat(sweeper.visits()).isEqualTo(visits);

            send(s, message(q, "second").expiration(System.currentTimeMillis() + 20).build());
            send(s, text(q, "lasting"));
            eventually(() -> stats(b, "q").expired() == 2);
            eventually(() -> sweeper.watchedCount() == 0);
            assertThat(sweeper.visits()).isGreaterThan(visits);
            assertThat(stats(b, "q").available()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("JMSExpiration sweep: a delivered message that can expire, released after the sweep let the queue go, is swept again")
    void releasedMessageJoinsAgain() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("expirySweepInterval", "5"))) {
            ExpirySweeper sweeper = b.broker().expirySweeper();
            EngineSession s = session(b.connect(), AckMode.CLIENT);
            DestinationRef q = DestinationRef.queue("q");
            Sink sink = new Sink();
            EngineConsumer c = consumer(s, q, sink);
            long expiration = System.currentTimeMillis() + 1_000;
            send(s, message(q, "held").expiration(expiration).build());
            assertThat(body(sink.next())).isEqualTo("held");
            // delivered, unacknowledged: no available message can expire, so a sweep lets the queue go
            eventually(() -> sweeper.watchedCount() == 0);

            await(c::close);
            await(s::close);
            eventually(() -> sweeper.watchedCount() == 1 || stats(b, "q").expired() == 1);
            eventually(() -> stats(b, "q").expired() == 1);
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(expiration);
            assertThat(stats(b, "q").available()).isZero();
            eventually(() -> sweeper.watchedCount() == 0);
        }
    }

    @Test
    @DisplayName("JMSExpiration sweep / redeliveryDelay: a message that can expire, back after its redelivery delay, is swept again")
    void delayedRedeliveryJoinsAgain() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("expirySweepInterval", "5", "redeliveryDelay", "300"))) {
            ExpirySweeper sweeper = b.broker().expirySweeper();
            EngineSession s = session(b.connect(), AckMode.CLIENT);
            DestinationRef q = DestinationRef.queue("q");
            Sink sink = new Sink();
            consumer(s, q, sink);
            long expiration = System.currentTimeMillis() + 1_000;
            send(s, message(q, "held").expiration(expiration).build());
            assertThat(body(sink.next())).isEqualTo("held");
            eventually(() -> sweeper.watchedCount() == 0);

            // released: it waits for its redelivery delay, then comes back to a queue no sweep visits
            await(s::close);
            eventually(() -> stats(b, "q").delayed() == 1 || stats(b, "q").expired() == 1);
            eventually(() -> stats(b, "q").expired() == 1);
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(expiration);
            assertThat(stats(b, "q").available()).isZero();
        }
    }

    @Test
    @DisplayName("JMSExpiration sweep / store=file: a recovered message that can expire makes its queue swept after a restart")
    void recoveredMessageIsSwept(@TempDir Path dir) {
        String name = "expiry-recovery-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> options = Map.of("store", "file", "dataDirectory", dir.toString(),
                "expirySweepInterval", "0", "jmx", "false", "metrics", "false");
        long expiration = System.currentTimeMillis() + 600_000;
        try {
            Engine first = start(name, options);
            EngineSession s = session(open(first), AckMode.AUTO);
            send(s, message(DestinationRef.queue("q"), "kept").persistent(true).expiration(expiration).build());
            Brokers.stop(name);

            Map<String, String> sweeping = new HashMap<>(options);
            sweeping.put("expirySweepInterval", "5");
            start(name, sweeping);
            ExpirySweeper sweeper = Brokers.find(name).expirySweeper();
            QueueStats recovered = await(done -> Brokers.find(name).queueStats("q", done));
            assertThat(recovered.available()).isEqualTo(1);
            eventually(() -> sweeper.watchedCount() == 1);
            long visits = sweeper.visits();
            eventually(() -> sweeper.visits() > visits);
        } finally {
            Brokers.stop(name);
        }
    }

    private static Engine start(String name, Map<String, String> options) {
        EngineProvider vm = Engines.forScheme("vm");
        return vm.engine(name, vm.options().parse(options));
    }

    private static EngineConnection open(Engine engine) {
        return await(c -> engine.openConnection(new ConnectionInfo("c-recovery", null, null, null), e -> { }, c));
    }

    @Test
    @DisplayName("JMSExpiration sweep: a deleted queue leaves the sweeper's set with its messages")
    void deletedQueueLeaves() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("expirySweepInterval", "5"))) {
            ExpirySweeper sweeper = b.broker().expirySweeper();
            EngineSession s = session(b.connect(), AckMode.AUTO);
            DestinationRef q = DestinationRef.queue("doomed");
            send(s, message(q, "long-lived").expiration(System.currentTimeMillis() + 600_000).build());
            eventually(() -> sweeper.watchedCount() == 1);

            EngineTestSupport.<Void>await(done -> b.broker().deleteQueue(queue(b, "doomed"), done));
            eventually(() -> sweeper.watchedCount() == 0);
            long visits = sweeper.visits();
            long sweeps = sweeper.sweeps();
            eventually(() -> sweeper.sweeps() >= sweeps + 3);
            assertThat(sweeper.visits()).isEqualTo(visits);
        }
    }

    @Test
    @DisplayName("expirySweepInterval=0: no sweep, and no queue is watched")
    void disabledWatchesNothing() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("expirySweepInterval", "0"))) {
            ExpirySweeper sweeper = b.broker().expirySweeper();
            EngineSession s = session(b.connect(), AckMode.AUTO);
            send(s, message(DestinationRef.queue("q"), "short-lived")
                    .expiration(System.currentTimeMillis() + 600_000).build());
            assertThat(stats(b, "q").available()).isEqualTo(1);
            assertThat(sweeper.watchedCount()).isZero();
            assertThat(sweeper.sweeps()).isZero();
        }
    }
}
