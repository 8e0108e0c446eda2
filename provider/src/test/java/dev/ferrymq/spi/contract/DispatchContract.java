package dev.ferrymq.spi.contract;

import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPI's dispatch contract: order, one consumer per queue message, fan-out to subscriptions,
 * browsing, credit ({@link EngineConsumer#credit}) and suspension ({@link EngineConsumer#suspend},
 * {@link ConsumerInfo#suspended()}).
 */
public abstract class DispatchContract extends EngineContractSupport {

    private final DestinationRef queue = DestinationRef.queue("contract-q");

    @Test
    @DisplayName("EngineSession.send: sends of one session reach a queue's consumer in call order, each once, count 1")
    void queueOrder() {
        EngineSession s = session(connection, AckMode.AUTO);
        CollectingSink sink = new CollectingSink();
        consumer(s, queue, sink);
        String[] bodies = IntStream.range(0, 50).mapToObj(i -> "m" + i).toArray(String[]::new);
        send(s, queue, bodies);
        List<Delivery> got = sink.next(50);
        assertThat(got).extracting(EngineContractSupport::body).containsExactly(bodies);
        assertThat(got).allSatisfy(d -> {
            assertThat(d.deliveryCount()).isEqualTo(1);
            assertThat(d.redelivered()).isFalse();
        });
        sink.assertNothing();
    }

    @Test
    @DisplayName("A queue keeps messages sent before any consumer exists, in order")
    void queueKeepsMessagesForLaterConsumer() {
        EngineSession s = session(connection, AckMode.AUTO);
        send(s, queue, "a", "b", "c");
        CollectingSink sink = new CollectingSink();
        consumer(s, queue, sink);
        assertThat(sink.bodies(3)).containsExactly("a", "b", "c");
    }

    @Test
    @DisplayName("Each message of a queue goes to exactly one of its consumers")
    void queueMessagesAreShared() {
        EngineSession s = session(connection, AckMode.AUTO);
        CollectingSink first = new CollectingSink();
        CollectingSink second = new CollectingSink();
        consumer(s, ConsumerInfo.of(queue, null, false, 5), first);
        consumer(s, ConsumerInfo.of(queue, null, false, 5), second);
        send(s, queue, IntStream.range(0, 10).mapToObj(i -> "m" + i).toArray(String[]::new));
        Set<String> all = new HashSet<>();
        List<String> bodies = new ArrayList<>(first.bodies(5));
        bodies.addAll(second.bodies(5));
        all.addAll(bodies);
        assertThat(bodies).hasSize(10);
        assertThat(all).hasSize(10);
        first.assertNothing();
        second.assertNothing();
    }

    @Test
    @DisplayName("Every subscription of a topic gets every message, in order")
    void topicFanOut() {
        DestinationRef topic = DestinationRef.topic("contract-t");
        EngineSession s = session(connection, AckMode.AUTO);
        CollectingSink a = new CollectingSink();
        CollectingSink b = new CollectingSink();
        consumer(s, topic, a);
        consumer(s, topic, b);
        send(s, topic, "x", "y", "z");
        assertThat(a.bodies(3)).containsExactly("x", "y", "z");
        assertThat(b.bodies(3)).containsExactly("x", "y", "z");
    }

    @Test
    @DisplayName("EngineSession.browse: a snapshot of a queue in delivery order, consuming nothing; selectors apply")
    void browse() {
        EngineSession s = session(connection, AckMode.AUTO);
        for (int i = 0; i < 4; i++) {
            MessageData m = message(queue, "m" + i).properties(java.util.Map.of("n", i)).build();
            EngineContractSupport.<Void>await(done -> s.send(m, done));
        }
        List<MessageData> all = await(done -> s.browse(queue, null, done));
        assertThat(all).extracting(MessageData::body).containsExactly("m0", "m1", "m2", "m3");
        List<MessageData> odd = await(done -> s.browse(queue, "n = 1 OR n = 3", done));
        assertThat(odd).extracting(MessageData::body).containsExactly("m1", "m3");
        CollectingSink sink = new CollectingSink();
        consumer(s, queue, sink);
        assertThat(sink.bodies(4)).as("browsing consumed nothing").containsExactly("m0", "m1", "m2", "m3");
    }

    @Test
    @DisplayName("Credit: a consumer gets at most its initial credit, then as many more as it is granted")
    void credit() {
        EngineSession s = session(connection, AckMode.CLIENT);
        CollectingSink sink = new CollectingSink();
        EngineConsumer c = consumer(s, ConsumerInfo.of(queue, null, false, 2), sink);
        send(s, queue, "a", "b", "c", "d", "e");
        assertThat(sink.bodies(2)).containsExactly("a", "b");
        sink.assertNothing();
        c.credit(2);
        assertThat(sink.bodies(2)).containsExactly("c", "d");
        sink.assertNothing();
        c.credit(10);
        assertThat(sink.bodies(1)).containsExactly("e");
    }

    @Test
    @DisplayName("Credit: a message held by a consumer without credit goes to another consumer that has some")
    void noCreditNoMessage() {
        EngineSession s = session(connection, AckMode.CLIENT);
        CollectingSink full = new CollectingSink();
        consumer(s, ConsumerInfo.of(queue, null, false, 1), full);
        send(s, queue, "a");
        full.next();
        CollectingSink other = new CollectingSink();
        consumer(s, ConsumerInfo.of(queue, null, false, 10), other);
        send(s, queue, "b", "c");
        assertThat(other.bodies(2)).containsExactly("b", "c");
        full.assertNothing();
    }

    @Test
    @DisplayName("EngineConsumer.suspend: once it completes nothing is pushed; resume pushes what waited, in order")
    void suspendAndResume() {
        EngineSession s = session(connection, AckMode.AUTO);
        CollectingSink sink = new CollectingSink();
        EngineConsumer c = consumer(s, queue, sink);
        send(s, queue, "before");
        assertThat(sink.bodies(1)).containsExactly("before");
        EngineContractSupport.<Void>await(c::suspend);
        send(s, queue, "while-1", "while-2");
        sink.assertNothing();
        c.resume();
        assertThat(sink.bodies(2)).containsExactly("while-1", "while-2");
    }

    @Test
    @DisplayName("ConsumerInfo.suspended: a consumer created suspended takes nothing, so the queue's other consumers get everything; resume lets it take part")
    void createdSuspended() {
        EngineSession s = session(connection, AckMode.AUTO);
        CollectingSink idle = new CollectingSink();
        EngineConsumer c = consumer(s, ConsumerInfo.of(queue, null, false, 100).withSuspended(true), idle);
        CollectingSink active = new CollectingSink();
        EngineConsumer other = consumer(s, queue, active);
        send(s, queue, "1", "2", "3", "4");
        assertThat(active.bodies(4)).containsExactly("1", "2", "3", "4");
        idle.assertNothing();
        EngineContractSupport.<Void>await(other::close);
        c.resume();
        send(s, queue, "5");
        assertThat(idle.bodies(1)).containsExactly("5");
    }
}
