package dev.ferrymq.engine;

import dev.ferrymq.engine.EngineTestSupport.Sink;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class QueueDispatchTest {

    private final EngineTestSupport broker = new EngineTestSupport();
    private final EngineConnection connection = broker.connect();
    private final EngineSession session = session(connection, AckMode.AUTO);
    private final DestinationRef queue = DestinationRef.queue("q");

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    @DisplayName("Queue semantics: a sent message is delivered once, with delivery count 1")
    void sendAndDeliver() {
        Sink sink = new Sink();
        consumer(session, queue, sink);
        send(session, text(queue, "hello"));

        Delivery d = sink.next();
        assertThat(body(d)).isEqualTo("hello");
        assertThat(d.deliveryCount()).isEqualTo(1);
        assertThat(d.redelivered()).isFalse();
        assertThat(d.message().destination()).isEqualTo(queue);
    }

    @Test
    @DisplayName("Queue semantics: messages sent before any consumer exists wait for one")
    void messagesWaitForConsumer() {
        send(session, text(queue, "a"));
        send(session, text(queue, "b"));
        Sink sink = new Sink();
        consumer(session, queue, sink);
        assertThat(sink.bodies(2)).containsExactly("a", "b");
    }

    @Test
    @DisplayName("JMSPriority: higher priority first, arrival order within a priority")
    void priorityOrder() {
        send(session, message(queue, "low1").priority(1).build());
        send(session, message(queue, "high1").priority(9).build());
        send(session, message(queue, "mid").priority(4).build());
        send(session, message(queue, "high2").priority(9).build());
        send(session, message(queue, "low2").priority(1).build());

        Sink sink = new Sink();
        consumer(session, queue, sink);
        assertThat(sink.bodies(5)).containsExactly("high1", "high2", "mid", "low1", "low2");
    }

    @Test
    @DisplayName("Order of message sends: messages of one producer at one priority arrive in send order")
    void fifoPerProducer() {
        Sink sink = new Sink();
        consumer(session, queue, sink);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            sent.add("m" + i);
            send(session, text(queue, "m" + i));
        }
        assertThat(sink.bodies(2_000)).containsExactlyElementsOf(sent);
    }

    @Test
    @DisplayName("Queue semantics: competing consumers get each message exactly once")
    void competingConsumersExactlyOnce() throws Exception {
        List<Sink> sinks = List.of(new Sink(), new Sink(), new Sink());
        EngineSession s2 = session(connection, AckMode.AUTO);
        EngineSession s3 = session(broker.connect(), AckMode.AUTO);
        consumer(session, queue, sinks.get(0));
        consumer(s2, queue, sinks.get(1));
        consumer(s3, queue, sinks.get(2));

        int n = 3_000;
        Thread[] producers = new Thread[3];
        for (int p = 0; p < producers.length; p++) {
            EngineSession ps = session(broker.connect(), AckMode.AUTO);
            int id = p;
            producers[p] = new Thread(() -> {
                for (int i = 0; i < n / 3; i++) {
                    send(ps, text(queue, id + "-" + i));
                }
            });
            producers[p].start();
        }
        for (Thread t : producers) {
            t.join();
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (Sink s : sinks) {
            int mine = 0;
            Delivery d;
            while ((d = s.poll(QUIET_MS)) != null) {
                assertThat(seen.add(body(d))).as("delivered once: " + body(d)).isTrue();
                mine++;
            }
            assertThat(mine).as("each consumer gets a share").isPositive();
            total += mine;
        }
        assertThat(total).isEqualTo(n);
    }

    @Test
    @DisplayName("Queue semantics: several consumers with credit share the messages round-robin")
    void roundRobin() {
        Sink a = new Sink();
        Sink b = new Sink();
        consumer(session, queue, a);
        consumer(session(connection, AckMode.AUTO), queue, b);
        for (int i = 0; i < 10; i++) {
            send(session, text(queue, "m" + i));
        }
        int fromA = 0;
        int fromB = 0;
        while (a.poll(QUIET_MS) != null) {
            fromA++;
        }
        while (b.poll(QUIET_MS) != null) {
            fromB++;
        }
        assertThat(fromA + fromB).isEqualTo(10);
        assertThat(fromA).isEqualTo(5);
    }

    @Test
    @DisplayName("Flow control: a consumer with credit 2 gets only 2 deliveries until credited more")
    void creditFlowControl() {
        Sink sink = new Sink();
        EngineConsumer c = consumer(session, ConsumerInfo.of(queue, null, false, 2), sink);
        for (int i = 0; i < 5; i++) {
            send(session, text(queue, "m" + i));
        }
        assertThat(sink.bodies(2)).containsExactly("m0", "m1");
        sink.assertNothing();

        c.credit(1);
        assertThat(sink.bodies(1)).containsExactly("m2");
        sink.assertNothing();

        c.credit(10);
        assertThat(sink.bodies(2)).containsExactly("m3", "m4");
    }

    @Test
    @DisplayName("Flow control: a consumer out of credit does not hold up another consumer with credit")
    void creditExhaustedConsumerDoesNotBlockOthers() {
        Sink slow = new Sink();
        consumer(session, ConsumerInfo.of(queue, null, false, 1), slow);
        send(session, text(queue, "first"));
        assertThat(body(slow.next())).isEqualTo("first");

        Sink fast = new Sink();
        consumer(session(connection, AckMode.AUTO), queue, fast);
        send(session, text(queue, "second"));
        assertThat(body(fast.next())).isEqualTo("second");
        slow.assertNothing();
    }

    @Test
    @DisplayName("Pausing delivery of incoming messages: suspend stops pushes, resume restarts them")
    void suspendResume() {
        Sink sink = new Sink();
        EngineConsumer c = consumer(session, queue, sink);
        await(c::suspend);
        send(session, text(queue, "while-suspended"));
        sink.assertNothing();

        c.resume();
        assertThat(body(sink.next())).isEqualTo("while-suspended");
    }

    @Test
    @DisplayName("Closing a consumer: a closed queue consumer gets nothing more; others get the rest")
    void closedConsumerGetsNothing() {
        Sink first = new Sink();
        EngineConsumer c = consumer(session, queue, first);
        await(c::close);
        send(session, text(queue, "after-close"));
        first.assertNothing();

        Sink second = new Sink();
        consumer(session, queue, second);
        assertThat(body(second.next())).isEqualTo("after-close");
    }

    @Test
    @DisplayName("Multiple brokers per JVM: vm://a and vm://b are separate")
    void brokersAreSeparate() {
        try (EngineTestSupport other = new EngineTestSupport()) {
            EngineSession otherSession = session(other.connect(), AckMode.AUTO);
            Sink here = new Sink();
            consumer(session, queue, here);
            send(otherSession, text(queue, "elsewhere"));
            here.assertNothing();
            assertThat(other.engine.name()).isNotEqualTo(broker.engine.name());
        }
    }
}
