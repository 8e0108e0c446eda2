package dev.ferrymq.engine;

import dev.ferrymq.engine.EngineTestSupport.Sink;
import dev.ferrymq.engine.queue.AckTimeoutSweeper;
import dev.ferrymq.engine.queue.QueueStats;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acknowledgement-timeout sweeper (FerryMQ extension {@code ackTimeout}: a message held
 * unacknowledged too long is redelivered, spec "Message acknowledgment" and "JMSRedelivered")
 * visits only the queues with a delivery outstanding under a timeout, so its cost follows those
 * queues, not all of the broker's. Counted through the sweeper's visit and sweep counters, never
 * timed.
 *
 * <p>Where a test needs frequent sweeps but no timeout to fire, it sets a long {@code ackTimeout}
 * and a short one on a pattern no queue matches: the sweep interval follows the shortest timeout.
 */
@Timeout(60)
class AckTimeoutSweepTest {

    private static final int QUEUES = 1_000;
    /** A long timeout everywhere, a 25 ms one on names never used: sweeps every 5 ms, no delivery times out. */
    private static final Map<String, String> LONG_TIMEOUT_FREQUENT_SWEEPS =
            Map.of("ackTimeout", "600000", "ackTimeout@unused-*", "25");

    private static QueueStats stats(EngineTestSupport b, String queue) {
        return await(done -> b.broker().queueStats(queue, done));
    }

    /** Waits until at least three more sweeps ran. */
    private static void threeSweeps(AckTimeoutSweeper sweeper) {
        long sweeps = sweeper.sweeps();
        eventually(() -> sweeper.sweeps() >= sweeps + 3);
    }

    @Test
    @DisplayName("FerryMQ extension ackTimeout: among a thousand queues with an ackTimeout and no delivery outstanding, a sweep visits only the one holding an unacknowledged delivery")
    void visitsOnlyQueuesWithOutstandingDeliveries() {
        try (EngineTestSupport b = new EngineTestSupport(LONG_TIMEOUT_FREQUENT_SWEEPS)) {
            AckTimeoutSweeper sweeper = b.broker().ackTimeoutSweeper();
            EngineSession s = session(b.connect(), AckMode.CLIENT);
            for (int i = 0; i < QUEUES; i++) {
                send(s, text(DestinationRef.queue("plain-" + i), "waiting"));
            }
            DestinationRef held = DestinationRef.queue("held");
            send(s, text(held, "held"));
            long sweepsBefore = sweeper.sweeps();
            threeSweeps(sweeper);
            assertThat(sweeper.visits()).isZero();
            assertThat(sweeper.watchedCount()).isZero();

            Sink sink = new Sink();
            consumer(s, held, sink);
            assertThat(body(sink.next())).isEqualTo("held");
            eventually(() -> sweeper.watchedCount() == 1);
            long visitsBefore = sweeper.visits();
            long sweepsWatched = sweeper.sweeps();
            eventually(() -> sweeper.sweeps() >= sweepsWatched + 5);

            assertThat(sweeper.watchedCount()).isEqualTo(1);
            // the held queue, once a sweep (+1: a sweep may be between its visit and its count)
            assertThat(sweeper.visits() - visitsBefore).isPositive()
                    .isLessThanOrEqualTo(sweeper.sweeps() - sweepsWatched + 1);
            assertThat(sweeper.visits()).isLessThanOrEqualTo(sweeper.sweeps() - sweepsBefore + 1);
            assertThat(stats(b, "held").outstanding()).isEqualTo(1);
            for (int i = 0; i < QUEUES; i += 333) {
                assertThat(stats(b, "plain-" + i).available()).isEqualTo(1);
            }
        }
    }

    @Test
    @DisplayName("FerryMQ extension ackTimeout: a watched queue's timed-out delivery is still redelivered to another consumer, and its holder's connection is told")
    void timedOutDeliveryIsRedeliveredAndOwnerTold() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("ackTimeout@orders", "1000"))) {
            AckTimeoutSweeper sweeper = b.broker().ackTimeoutSweeper();
            BlockingQueue<EngineException> told = new LinkedBlockingQueue<>();
            EngineConnection slowConnection = await(c -> b.engine.openConnection(
                    new ConnectionInfo("c-slow", null, null, null), told::add, c));
            EngineSession slow = session(slowConnection, AckMode.CLIENT);
            DestinationRef orders = DestinationRef.queue("orders");
            send(slow, text(orders, "job"));
            Sink slowSink = new Sink();
            consumer(slow, orders, slowSink);
            Delivery held = slowSink.next();
            assertThat(body(held)).isEqualTo("job");
            assertThat(sweeper.watchedCount()).isEqualTo(1);

            EngineSession fast = session(b.connect(), AckMode.CLIENT);
            Sink fastSink = new Sink();
            consumer(fast, orders, fastSink);
            Delivery again = fastSink.next();
            assertThat(body(again)).isEqualTo("job");
            assertThat(again.deliveryCount()).isEqualTo(2);
            assertThat(slowSink.poll(QUIET_MS)).as("the holder is avoided").isNull();
            EngineException e = poll(told);
            assertThat(e.getMessage()).contains("acknowledgement timeout").contains("orders")
                    .contains(held.message().messageId());
            assertThat(sweeper.visits()).isPositive();

            EngineTestSupport.<Void>await(done -> fast.acknowledge(again, done));
            eventually(() -> stats(b, "orders").acknowledged() == 1);
            eventually(() -> sweeper.watchedCount() == 0);
            assertThat(stats(b, "orders").outstanding()).isZero();
        }
    }

    @Test
    @DisplayName("FerryMQ extension ackTimeout: once its delivery is acknowledged, the queue leaves the sweeper's set at the next sweep and joins again with the next delivery")
    void acknowledgedQueueLeavesAndJoinsAgain() {
        try (EngineTestSupport b = new EngineTestSupport(LONG_TIMEOUT_FREQUENT_SWEEPS)) {
            AckTimeoutSweeper sweeper = b.broker().ackTimeoutSweeper();
            EngineSession s = session(b.connect(), AckMode.CLIENT);
            DestinationRef q = DestinationRef.queue("q");
            Sink sink = new Sink();
            consumer(s, q, sink);
            send(s, text(q, "first"));
            Delivery first = sink.next();
            eventually(() -> sweeper.watchedCount() == 1);
            threeSweeps(sweeper);
            assertThat(sweeper.watchedCount()).as("still outstanding: still watched").isEqualTo(1);

            EngineTestSupport.<Void>await(done -> s.acknowledge(first, done));
            eventually(() -> sweeper.watchedCount() == 0);
            long visits = sweeper.visits();
            threeSweeps(sweeper);
            assertThat(sweeper.visits()).isEqualTo(visits);

            send(s, text(q, "second"));
            assertThat(body(sink.next())).isEqualTo("second");
            eventually(() -> sweeper.watchedCount() == 1);
            eventually(() -> sweeper.visits() > visits);
        }
    }

    @Test
    @DisplayName("FerryMQ extension ackTimeout: a deleted queue leaves the sweeper's set, even with a delivery still unacknowledged")
    void deletedQueueLeaves() {
        try (EngineTestSupport b = new EngineTestSupport(LONG_TIMEOUT_FREQUENT_SWEEPS)) {
            AckTimeoutSweeper sweeper = b.broker().ackTimeoutSweeper();
            EngineConnection c = b.connect();
            EngineSession s = session(c, AckMode.CLIENT);
            DestinationRef temp = await(done -> c.createTemporaryDestination(DestinationType.TEMPORARY_QUEUE, done));
            Sink sink = new Sink();
            EngineConsumer consumer = consumer(s, temp, sink);
            send(s, text(temp, "held"));
            assertThat(body(sink.next())).isEqualTo("held");
            // closing the consumer leaves its delivery with the session, unacknowledged
            EngineTestSupport.<Void>await(consumer::close);
            assertThat(stats(b, temp.name()).outstanding()).isEqualTo(1);
            threeSweeps(sweeper);
            assertThat(sweeper.watchedCount()).isEqualTo(1);

            EngineTestSupport.<Void>await(done -> c.deleteTemporaryDestination(temp, done));
            eventually(() -> sweeper.watchedCount() == 0);
            long visits = sweeper.visits();
            threeSweeps(sweeper);
            assertThat(sweeper.visits()).isEqualTo(visits);
        }
    }

    @Test
    @DisplayName("FerryMQ extension ackTimeout: a queue without an ackTimeout never joins the sweeper's set, whatever it holds unacknowledged")
    void queueWithoutTimeoutNeverJoins() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("ackTimeout@timed", "25"))) {
            AckTimeoutSweeper sweeper = b.broker().ackTimeoutSweeper();
            assertThat(sweeper.interval()).isEqualTo(5);
            EngineSession s = session(b.connect(), AckMode.CLIENT);
            DestinationRef untimed = DestinationRef.queue("untimed");
            Sink sink = new Sink();
            consumer(s, untimed, sink);
            for (int i = 0; i < 10; i++) {
                send(s, text(untimed, "m" + i));
            }
            for (int i = 0; i < 10; i++) {
                assertThat(body(sink.next())).isEqualTo("m" + i);
            }
            threeSweeps(sweeper);
            assertThat(sweeper.watchedCount()).isZero();
            assertThat(sweeper.visits()).isZero();
            assertThat(stats(b, "untimed").outstanding()).isEqualTo(10);
            assertThat(stats(b, "untimed").delivered()).as("nothing released by a timeout").isEqualTo(10);
        }
    }

    @Test
    @DisplayName("FerryMQ extension ackTimeout: with no ackTimeout configured the broker runs no sweep")
    void noTimeoutNoSweep() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            AckTimeoutSweeper sweeper = b.broker().ackTimeoutSweeper();
            assertThat(sweeper.interval()).isZero();
            EngineSession s = session(b.connect(), AckMode.CLIENT);
            DestinationRef q = DestinationRef.queue("q");
            Sink sink = new Sink();
            consumer(s, q, sink);
            send(s, text(q, "held"));
            assertThat(body(sink.next())).isEqualTo("held");
            assertThat(sweeper.watchedCount()).isZero();
            assertThat(sweeper.sweeps()).isZero();
        }
    }

    private static EngineException poll(BlockingQueue<EngineException> told) {
        try {
            EngineException e = told.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertThat(e).as("the holder's connection told within %d ms", TIMEOUT_MS).isNotNull();
            return e;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }
}
