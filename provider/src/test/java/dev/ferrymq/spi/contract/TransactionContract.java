package dev.ferrymq.spi.contract;

import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.ReleaseReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPI's local-transaction contract ({@link EngineSession#commit}, {@link EngineSession#rollback}):
 * sends become visible at commit, consumed messages are acknowledged with them atomically, and a
 * rollback discards the sends and hands the consumed messages back as delivered.
 */
public abstract class TransactionContract extends EngineContractSupport {

    private static final ReleaseReason ROLLBACK = ReleaseReason.of(ReleaseReason.Cause.ROLLBACK);

    private final DestinationRef in = DestinationRef.queue("contract-tx-in");
    private final DestinationRef out = DestinationRef.queue("contract-tx-out");

    @Test
    @DisplayName("EngineSession.commit: a transacted session's sends are invisible until commit, then arrive in order")
    void sendsBecomeVisibleAtCommit() {
        EngineSession tx = session(connection, AckMode.TRANSACTED);
        EngineSession reader = session(connection, AckMode.AUTO);
        CollectingSink sink = new CollectingSink();
        consumer(reader, out, sink);
        send(tx, out, "1", "2", "3");
        sink.assertNothing();
        EngineContractSupport.<Void>await(done -> tx.commit(List.of(), done));
        assertThat(sink.bodies(3)).containsExactly("1", "2", "3");
    }

    @Test
    @DisplayName("EngineSession.commit: what was consumed is acknowledged and what was sent is visible, together")
    void consumeTransformProduce() {
        EngineSession feeder = session(connection, AckMode.AUTO);
        send(feeder, in, "request");
        EngineSession tx = session(connection, AckMode.TRANSACTED);
        CollectingSink inbox = new CollectingSink();
        consumer(tx, in, inbox);
        Delivery request = inbox.next();
        send(tx, out, "reply to " + body(request));
        EngineContractSupport.<Void>await(done -> tx.commit(List.of(request), done));
        close(tx);

        EngineSession reader = session(connection, AckMode.AUTO);
        CollectingSink replies = new CollectingSink();
        consumer(reader, out, replies);
        assertThat(replies.bodies(1)).containsExactly("reply to request");
        CollectingSink requests = new CollectingSink();
        consumer(reader, in, requests);
        requests.assertNothing();
    }

    @Test
    @DisplayName("EngineSession.rollback: the sends are discarded and the consumed messages come back as delivered (count 2)")
    void rollback() {
        EngineSession feeder = session(connection, AckMode.AUTO);
        send(feeder, in, "request");
        EngineSession tx = session(connection, AckMode.TRANSACTED);
        CollectingSink inbox = new CollectingSink();
        EngineConsumer c = consumer(tx, in, inbox);
        Delivery request = inbox.next();
        send(tx, out, "never");
        EngineContractSupport.<Void>await(c::close);
        EngineContractSupport.<Void>await(done -> tx.rollback(List.of(request), ROLLBACK, done));
        EngineContractSupport.<Void>await(done -> tx.commit(List.of(), done));
        close(tx);

        EngineSession reader = session(connection, AckMode.AUTO);
        CollectingSink requests = new CollectingSink();
        consumer(reader, in, requests);
        Delivery again = requests.next();
        assertThat(body(again)).isEqualTo("request");
        assertThat(again.deliveryCount()).isEqualTo(2);
        assertThat(again.redelivered()).isTrue();
        CollectingSink replies = new CollectingSink();
        consumer(reader, out, replies);
        replies.assertNothing();
    }

    @Test
    @DisplayName("EngineSession.rollback: one call; with the consumer open, the consumed messages come back to it counted, before what it buffers")
    void rollbackRedeliversLocally() {
        EngineSession feeder = session(connection, AckMode.AUTO);
        send(feeder, in, "first", "second");
        EngineSession tx = session(connection, AckMode.TRANSACTED);
        CollectingSink inbox = new CollectingSink();
        consumer(tx, in, inbox);
        Delivery first = inbox.next();
        Delivery second = inbox.next();
        send(tx, out, "never");
        EngineContractSupport.<Void>await(done -> tx.rollback(List.of(first), ROLLBACK, done));
        List<Delivery> back = inbox.nextRedeliveries();
        assertThat(back).extracting(EngineContractSupport::body).containsExactly("first");
        assertThat(back.get(0).deliveryCount()).isEqualTo(2);
        EngineContractSupport.<Void>await(done -> tx.commit(List.of(back.get(0), second), done));
        CollectingSink replies = new CollectingSink();
        consumer(session(connection, AckMode.AUTO), out, replies);
        replies.assertNothing();
    }

    @Test
    @DisplayName("EngineSession.commit: a failed commit applies nothing, rolls back (consumed redelivered) and fails TRANSACTION_ROLLED_BACK")
    void failedCommitRollsBack() {
        EngineSession feeder = session(connection, AckMode.AUTO);
        send(feeder, in, "request");
        DestinationRef temporary = EngineContractSupport.<DestinationRef>await(
                done -> connection.createTemporaryDestination(dev.ferrymq.spi.DestinationType.TEMPORARY_QUEUE, done));
        EngineSession tx = session(connection, AckMode.TRANSACTED);
        CollectingSink inbox = new CollectingSink();
        consumer(tx, in, inbox);
        Delivery request = inbox.next();
        send(tx, temporary, "to a queue deleted before commit");
        send(tx, out, "never");
        EngineContractSupport.<Void>await(done -> connection.deleteTemporaryDestination(temporary, done));
        assertThat(EngineContractSupport.<Void>failure(done -> tx.commit(List.of(request), done)).kind())
                .isEqualTo(EngineException.Kind.TRANSACTION_ROLLED_BACK);
        List<Delivery> back = inbox.nextRedeliveries();
        assertThat(back).extracting(EngineContractSupport::body).containsExactly("request");
        assertThat(back.get(0).deliveryCount()).isEqualTo(2);
        EngineContractSupport.<Void>await(done -> tx.commit(List.of(back.get(0)), done));
        CollectingSink replies = new CollectingSink();
        consumer(session(connection, AckMode.AUTO), out, replies);
        replies.assertNothing();
    }

    @Test
    @DisplayName("Closing a transacted session rolls its open transaction back")
    void closeRollsBack() {
        EngineSession tx = session(connection, AckMode.TRANSACTED);
        send(tx, out, "uncommitted");
        close(tx);
        EngineSession reader = session(connection, AckMode.AUTO);
        CollectingSink sink = new CollectingSink();
        consumer(reader, out, sink);
        sink.assertNothing();
    }

    @Test
    @DisplayName("commit and rollback of a session that is not transacted fail with ILLEGAL_STATE")
    void notTransacted() {
        EngineSession s = session(connection, AckMode.AUTO);
        assertThat(EngineContractSupport.<Void>failure(done -> s.commit(List.of(), done)).kind())
                .isEqualTo(EngineException.Kind.ILLEGAL_STATE);
        assertThat(EngineContractSupport.<Void>failure(done -> s.rollback(List.of(), ROLLBACK, done)).kind())
                .isEqualTo(EngineException.Kind.ILLEGAL_STATE);
    }
}
