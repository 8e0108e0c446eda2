package dev.ferrymq.spi.contract;

import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.DeadLetterProperties;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.ReleaseReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPI's settlement contract: acknowledgement consumes for good; release hands back, counted
 * or not; a session's close releases what it holds; release reasons feed the redelivery policy up
 * to the dead-letter queue; local redelivery ({@link EngineSession#redeliver}).
 */
public abstract class AcknowledgementContract extends EngineContractSupport {

    private final DestinationRef queue = DestinationRef.queue("contract-ack");

    private void assertQueueEmpty(EngineConnection c) {
        EngineSession probe = session(c, AckMode.AUTO);
        CollectingSink sink = new CollectingSink();
        consumer(probe, queue, sink);
        sink.assertNothing();
        close(probe);
    }

    @Test
    @DisplayName("EngineSession.acknowledge: an acknowledged message is consumed for good, also after its session closes")
    void acknowledgedIsGone() {
        EngineSession s = session(connection, AckMode.CLIENT);
        CollectingSink sink = new CollectingSink();
        consumer(s, queue, sink);
        send(s, queue, "one", "two");
        List<Delivery> got = sink.next(2);
        EngineContractSupport.<Void>await(done -> s.acknowledge(got, done));
        close(s);
        assertQueueEmpty(connection);
    }

    @Test
    @DisplayName("EngineSession.releaseUnseen: a message the application never saw comes back unchanged, count 1")
    void releaseUnseen() {
        EngineSession s = session(connection, AckMode.CLIENT);
        CollectingSink sink = new CollectingSink();
        EngineConsumer c = consumer(s, ConsumerInfo.of(queue, null, false, 1), sink);
        send(s, queue, "a", "b");
        Delivery a = sink.next();
        releaseUnseen(s, List.of(a));
        c.credit(1);
        Delivery again = sink.next();
        assertThat(body(again)).as("back at its place, before b").isEqualTo("a");
        assertThat(again.deliveryCount()).isEqualTo(1);
        assertThat(again.redelivered()).isFalse();
    }

    @Test
    @DisplayName("EngineSession.release(CLOSE): a message the application saw comes back at its place, count 2, redelivered")
    void releaseSeen() {
        EngineSession s = session(connection, AckMode.CLIENT);
        CollectingSink sink = new CollectingSink();
        EngineConsumer c = consumer(s, ConsumerInfo.of(queue, null, false, 1), sink);
        send(s, queue, "a", "b");
        Delivery a = sink.next();
        release(s, List.of(a), ReleaseReason.Cause.CLOSE);
        c.credit(1);
        Delivery again = sink.next();
        assertThat(body(again)).isEqualTo("a");
        assertThat(again.deliveryCount()).isEqualTo(2);
        assertThat(again.redelivered()).isTrue();
    }

    @Test
    @DisplayName("EngineSession.close: deliveries neither acknowledged nor released come back as delivered (count 2)")
    void sessionCloseReleasesAsDelivered() {
        EngineSession s = session(connection, AckMode.CLIENT);
        CollectingSink sink = new CollectingSink();
        consumer(s, queue, sink);
        send(s, queue, "held");
        sink.next();
        close(s);
        EngineSession next = session(connection, AckMode.CLIENT);
        CollectingSink other = new CollectingSink();
        consumer(next, queue, other);
        Delivery d = other.next();
        assertThat(body(d)).isEqualTo("held");
        assertThat(d.deliveryCount()).isEqualTo(2);
        assertThat(d.redelivered()).isTrue();
    }

    @Test
    @DisplayName("EngineConsumer.close: its deliveries stay with the session, which may still acknowledge them")
    void consumerCloseLeavesDeliveriesWithTheSession() {
        EngineSession s = session(connection, AckMode.CLIENT);
        CollectingSink sink = new CollectingSink();
        EngineConsumer c = consumer(s, queue, sink);
        send(s, queue, "kept");
        Delivery d = sink.next();
        EngineContractSupport.<Void>await(c::close);
        send(s, queue, "after close");
        sink.assertNothing();
        acknowledge(s, d);
        close(s);
        EngineSession next = session(connection, AckMode.AUTO);
        CollectingSink other = new CollectingSink();
        consumer(next, queue, other);
        assertThat(other.bodies(1)).as("only the message sent after the close").containsExactly("after close");
        other.assertNothing();
    }

    @Test
    @DisplayName("Release reasons: after maxDeliveryAttempts the message goes to the dead-letter queue with the last failure")
    void releaseReasonsLeadToTheDeadLetterQueue() {
        Engine withPolicy = startEngine(Map.of("maxDeliveryAttempts", "2", "deadLetterQueue", "DLQ.{name}"));
        EngineConnection c = connect(withPolicy, null);
        EngineSession s = session(c, AckMode.AUTO);
        CollectingSink sink = new CollectingSink();
        EngineConsumer consumer = consumer(s, ConsumerInfo.of(queue, null, false, 1), sink);
        send(s, queue, "poison");
        for (int attempt = 1; attempt <= 2; attempt++) {
            Delivery d = sink.next();
            assertThat(d.deliveryCount()).isEqualTo(attempt);
            ReleaseReason reason = new ReleaseReason(ReleaseReason.Cause.LISTENER_FAILURE, "boom " + attempt);
            EngineContractSupport.<Void>await(done -> s.release(List.of(d), reason, done));
            consumer.credit(1);
        }
        sink.assertNothing();
        CollectingSink dlq = new CollectingSink();
        consumer(s, DestinationRef.queue("DLQ." + queue.name()), dlq);
        Delivery dead = dlq.next();
        assertThat(body(dead)).isEqualTo("poison");
        assertThat(dead.message().properties())
                .containsEntry(DeadLetterProperties.ORIGINAL_DESTINATION, queue.name())
                .containsEntry(DeadLetterProperties.LAST_FAILURE, "boom 2");
    }

    @Test
    @DisplayName("Release reasons: one redeliver call with per-delivery failures; each dead letter carries its own, one without none")
    void perDeliveryFailuresReachTheDeadLetterQueue() {
        Engine withPolicy = startEngine(Map.of("maxDeliveryAttempts", "1", "deadLetterQueue", "DLQ.{name}"));
        EngineConnection c = connect(withPolicy, null);
        EngineSession s = session(c, AckMode.CLIENT);
        CollectingSink sink = new CollectingSink();
        consumer(s, ConsumerInfo.of(queue, null, false, 3), sink);
        send(s, queue, "a", "b", "c");
        List<Delivery> seen = sink.next(3);
        ReleaseReason reason = new ReleaseReason(ReleaseReason.Cause.RECOVER, null,
                Map.of(seen.get(0), "boom a", seen.get(2), "boom c"));
        assertThat(reason.failureOf(seen.get(1))).isNull();
        EngineContractSupport.<Void>await(done -> s.redeliver(seen, reason, done));
        CollectingSink dlq = new CollectingSink();
        consumer(s, DestinationRef.queue("DLQ." + queue.name()), dlq);
        Map<String, Object> failures = new HashMap<>();
        for (Delivery dead : dlq.next(3)) {
            failures.put(body(dead), dead.message().properties().getOrDefault(DeadLetterProperties.LAST_FAILURE, "none"));
        }
        assertThat(failures).containsExactlyInAnyOrderEntriesOf(Map.of("a", "boom a", "b", "none", "c", "boom c"));
    }

    @Test
    @DisplayName("EngineSession.redeliver: hands the deliveries back to their consumer counted, before what it buffers, keeping its credit used")
    void localRedelivery() {
        EngineSession s = session(connection, AckMode.CLIENT);
        CollectingSink sink = new CollectingSink();
        EngineConsumer c = consumer(s, ConsumerInfo.of(queue, null, false, 3), sink);
        send(s, queue, "a", "b", "c", "d");
        List<Delivery> seen = sink.next(2);
        Delivery buffered = sink.next();
        EngineContractSupport.<Void>await(done -> s.redeliver(seen, ReleaseReason.of(ReleaseReason.Cause.RECOVER), done));
        List<Delivery> back = sink.nextRedeliveries();
        assertThat(back).extracting(EngineContractSupport::body).containsExactly("a", "b");
        assertThat(back).allSatisfy(d -> {
            assertThat(d.deliveryCount()).isEqualTo(2);
            assertThat(d.redelivered()).isTrue();
        });
        sink.assertNothing();
        EngineContractSupport.<Void>await(done -> s.acknowledge(back, done));
        EngineContractSupport.<Void>await(done -> s.acknowledge(buffered, done));
        c.credit(3);
        assertThat(sink.bodies(1)).as("only d is left").containsExactly("d");
    }

    @Test
    @DisplayName("EngineSession.redeliver: a delivery that was acknowledged already is stale and ignored")
    void redeliverStale() {
        EngineSession s = session(connection, AckMode.CLIENT);
        CollectingSink sink = new CollectingSink();
        consumer(s, queue, sink);
        send(s, queue, "a");
        Delivery a = sink.next();
        acknowledge(s, a);
        EngineContractSupport.<Void>await(done -> s.redeliver(List.of(a), ReleaseReason.of(ReleaseReason.Cause.RECOVER), done));
        sink.assertNothing();
        close(s);
        assertQueueEmpty(connection);
    }
}
