package dev.ferrymq.engine;

import dev.ferrymq.engine.EngineTestSupport.Sink;
import dev.ferrymq.engine.queue.QueueStats;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.ReleaseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class AcknowledgeTest {

    private static final ReleaseReason RECOVER = ReleaseReason.of(ReleaseReason.Cause.RECOVER);
    private static final ReleaseReason ROLLBACK = ReleaseReason.of(ReleaseReason.Cause.ROLLBACK);


    private final EngineTestSupport broker = new EngineTestSupport();
    private final EngineConnection connection = broker.connect();
    private final DestinationRef queue = DestinationRef.queue("q");

    @AfterEach
    void stop() {
        broker.close();
    }

    private QueueStats stats() {
        return await(done -> broker.broker().queueStats("q", done));
    }

    @Test
    @DisplayName("Message acknowledgment: an acknowledged message is consumed for good")
    void acknowledgeRemoves() {
        EngineSession s = session(connection, AckMode.CLIENT);
        Sink sink = new Sink();
        consumer(s, queue, sink);
        send(s, text(queue, "a"));
        Delivery d = sink.next();
        EngineTestSupport.<Void>await(done -> s.acknowledge(d, done));

        await(s::close);
        Sink after = new Sink();
        consumer(session(connection, AckMode.AUTO), queue, after);
        after.assertNothing();
        assertThat(stats().acknowledged()).isEqualTo(1);
        assertThat(stats().outstanding()).isZero();
    }

    @Test
    @DisplayName("JMSXDeliveryCount / JMSRedelivered: a delivered message released comes back with count 2")
    void releaseDeliveredCountsRedelivery() {
        EngineSession s = session(connection, AckMode.CLIENT);
        Sink sink = new Sink();
        consumer(s, queue, sink);
        send(s, text(queue, "a"));
        send(s, text(queue, "b"));
        List<Delivery> first = sink.next(2);
        EngineTestSupport.<Void>await(done -> s.release(first, RECOVER, done));

        List<Delivery> again = sink.next(2);
        assertThat(again).extracting(EngineTestSupport::body).containsExactly("a", "b");
        assertThat(again).allSatisfy(d -> {
            assertThat(d.deliveryCount()).isEqualTo(2);
            assertThat(d.redelivered()).isTrue();
        });
    }

    @Test
    @DisplayName("JMSXDeliveryCount: a prefetched message released unseen comes back unchanged")
    void releaseNotDeliveredKeepsCount() {
        EngineSession s = session(connection, AckMode.CLIENT);
        Sink sink = new Sink();
        consumer(s, queue, sink);
        send(s, text(queue, "a"));
        Delivery d = sink.next();
        EngineTestSupport.<Void>await(done -> s.releaseUnseen(List.of(d), done));

        Delivery again = sink.next();
        assertThat(body(again)).isEqualTo("a");
        assertThat(again.deliveryCount()).isEqualTo(1);
        assertThat(again.redelivered()).isFalse();
    }

    @Test
    @DisplayName("Queue semantics: a released message returns to its original place in the order")
    void releasedGoesBackToItsPlace() {
        EngineSession s = session(connection, AckMode.CLIENT);
        Sink sink = new Sink();
        EngineConsumer c = consumer(s, ConsumerInfo.of(queue, null, false, 1), sink);
        for (String b : List.of("a", "b", "c")) {
            send(s, text(queue, b));
        }
        Delivery a = sink.next();
        await(c::suspend);
        EngineTestSupport.<Void>await(done -> s.release(List.of(a), RECOVER, done));
        c.credit(3);
        c.resume();
        assertThat(sink.bodies(3)).containsExactly("a", "b", "c");
    }

    @Test
    @DisplayName("Closing a session: unacknowledged deliveries are released as delivered")
    void sessionCloseReleasesAsRedelivered() {
        EngineSession s = session(connection, AckMode.CLIENT);
        Sink sink = new Sink();
        consumer(s, queue, sink);
        send(s, text(queue, "a"));
        sink.next();
        await(s::close);

        Sink other = new Sink();
        consumer(session(connection, AckMode.AUTO), queue, other);
        Delivery d = other.next();
        assertThat(body(d)).isEqualTo("a");
        assertThat(d.deliveryCount()).isEqualTo(2);
        assertThat(d.redelivered()).isTrue();
    }

    @Test
    @DisplayName("Closing a consumer: its unacknowledged deliveries stay with the session for acknowledgement")
    void consumerCloseKeepsOutstandingWithSession() {
        EngineSession s = session(connection, AckMode.CLIENT);
        Sink sink = new Sink();
        EngineConsumer c = consumer(s, queue, sink);
        send(s, text(queue, "kept"));
        send(s, text(queue, "acked-later"));
        List<Delivery> ds = sink.next(2);
        await(c::close);

        Sink other = new Sink();
        consumer(session(connection, AckMode.AUTO), queue, other);
        other.assertNothing();
        assertThat(stats().outstanding()).isEqualTo(2);

        EngineTestSupport.<Void>await(done -> s.acknowledge(List.of(ds.get(1)), done));
        await(s::close);
        Delivery back = other.next();
        assertThat(body(back)).isEqualTo("kept");
        assertThat(back.deliveryCount()).isEqualTo(2);
        other.assertNothing();
    }

    @Test
    @DisplayName("Message acknowledgment: a delivery of another session is refused")
    void foreignDeliveryRefused() {
        EngineSession s = session(connection, AckMode.CLIENT);
        EngineSession other = session(connection, AckMode.CLIENT);
        Sink sink = new Sink();
        consumer(s, queue, sink);
        send(s, text(queue, "a"));
        Delivery d = sink.next();
        EngineException e = EngineTestSupport.<Void>failure(done -> other.acknowledge(d, done));
        assertThat(e.kind()).isEqualTo(EngineException.Kind.GENERAL);
        assertThat(e.getMessage()).contains("not made to this session");
    }

    @Test
    @DisplayName("Transactions: sends are visible only at commit, consumed messages acknowledged at commit")
    void commit() {
        EngineSession tx = session(connection, AckMode.TRANSACTED);
        Sink sink = new Sink();
        consumer(tx, queue, sink);
        EngineSession plain = session(connection, AckMode.AUTO);
        send(plain, text(queue, "in"));
        Delivery in = sink.next();

        DestinationRef out = DestinationRef.queue("out");
        Sink outSink = new Sink();
        consumer(plain, out, outSink);
        send(tx, text(out, "reply"));
        outSink.assertNothing();

        EngineTestSupport.<Void>await(done -> tx.commit(List.of(in), done));
        assertThat(body(outSink.next())).isEqualTo("reply");
        assertThat(stats().acknowledged()).isEqualTo(1);
        assertThat(stats().outstanding()).isZero();
    }

    @Test
    @DisplayName("Transactions: rollback discards sends and redelivers consumed messages")
    void rollback() {
        EngineSession tx = session(connection, AckMode.TRANSACTED);
        Sink sink = new Sink();
        consumer(tx, queue, sink);
        EngineSession plain = session(connection, AckMode.AUTO);
        send(plain, text(queue, "in"));
        Delivery in = sink.next();

        DestinationRef out = DestinationRef.queue("out");
        Sink outSink = new Sink();
        consumer(plain, out, outSink);
        send(tx, text(out, "discarded"));
        EngineTestSupport.<Void>await(done -> tx.rollback(List.of(in), ROLLBACK, done));

        Delivery again = sink.next();
        assertThat(body(again)).isEqualTo("in");
        assertThat(again.deliveryCount()).isEqualTo(2);
        EngineTestSupport.<Void>await(done -> tx.commit(List.of(again), done));
        outSink.assertNothing();
    }

    @Test
    @DisplayName("Transactions: closing a transacted session rolls back its sends")
    void closeRollsBack() {
        EngineSession tx = session(connection, AckMode.TRANSACTED);
        send(tx, text(queue, "never"));
        await(tx::close);
        Sink sink = new Sink();
        consumer(session(connection, AckMode.AUTO), queue, sink);
        sink.assertNothing();
    }

    @Test
    @DisplayName("Transactions: commit and rollback on a non-transacted session are ILLEGAL_STATE")
    void commitNonTransacted() {
        EngineSession s = session(connection, AckMode.AUTO);
        assertThat(EngineTestSupport.<Void>failure(done -> s.commit(List.of(), done)).kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
        assertThat(EngineTestSupport.<Void>failure(done -> s.rollback(List.of(), ROLLBACK, done)).kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
    }

    @Test
    @DisplayName("Closing a session: a closed session refuses sends with ILLEGAL_STATE")
    void closedSessionRefusesSend() {
        EngineSession s = session(connection, AckMode.AUTO);
        await(s::close);
        assertThat(EngineTestSupport.<Void>failure(done -> s.send(text(queue, "x"), done)).kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
    }
}
