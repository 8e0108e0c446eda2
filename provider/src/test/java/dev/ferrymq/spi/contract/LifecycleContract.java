package dev.ferrymq.spi.contract;

import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPI's lifecycle and error contract: client IDs, temporary destinations, durable
 * subscriptions and unsubscribe, noLocal, and the error kinds each call documents.
 */
public abstract class LifecycleContract extends EngineContractSupport {

    private final DestinationRef topic = DestinationRef.topic("contract-life");

    @Test
    @DisplayName("Client IDs: one connection at a time holds one (INVALID_CLIENT_ID otherwise); close releases it")
    void clientIds() {
        EngineConnection first = connect(engine, "cid");
        assertThat(EngineContractSupport.<EngineConnection>failure(done -> engine.openConnection(
                new ConnectionInfo("other", "cid", null, null), e -> { }, done)).kind())
                .isEqualTo(EngineException.Kind.INVALID_CLIENT_ID);
        assertThat(EngineContractSupport.<Void>failure(done -> connection.setClientId("cid", done)).kind())
                .isEqualTo(EngineException.Kind.INVALID_CLIENT_ID);
        EngineContractSupport.<Void>await(first::close);
        EngineContractSupport.<Void>await(done -> connection.setClientId("cid", done));
    }

    @Test
    @DisplayName("Temporary destinations: deletion fails while a consumer is open (ILLEGAL_STATE) or for another connection (INVALID_DESTINATION); a deleted one takes no sends")
    void temporaryDestinations() {
        DestinationRef temp = EngineContractSupport.<DestinationRef>await(done -> connection.createTemporaryDestination(DestinationType.TEMPORARY_QUEUE, done));
        assertThat(temp.isTemporary()).isTrue();
        EngineSession s = session(connection, AckMode.AUTO);
        CollectingSink sink = new CollectingSink();
        EngineConsumer c = consumer(s, temp, sink);
        send(s, temp, "t");
        assertThat(sink.bodies(1)).containsExactly("t");
        assertThat(EngineContractSupport.<Void>failure(done -> connection.deleteTemporaryDestination(temp, done)).kind())
                .isEqualTo(EngineException.Kind.ILLEGAL_STATE);
        EngineConnection stranger = connect(engine, null);
        assertThat(EngineContractSupport.<Void>failure(done -> stranger.deleteTemporaryDestination(temp, done)).kind())
                .isEqualTo(EngineException.Kind.INVALID_DESTINATION);
        EngineContractSupport.<Void>await(c::close);
        EngineContractSupport.<Void>await(done -> connection.deleteTemporaryDestination(temp, done));
        MessageData late = message(temp, "late").build();
        assertThat(EngineContractSupport.<Void>failure(done -> s.send(late, done)).kind())
                .isEqualTo(EngineException.Kind.INVALID_DESTINATION);
        assertThat(EngineContractSupport.<Void>failure(done -> connection.deleteTemporaryDestination(temp, done)).kind())
                .isEqualTo(EngineException.Kind.INVALID_DESTINATION);
    }

    @Test
    @DisplayName("EngineConnection.close deletes the connection's temporary destinations")
    void closeDeletesTemporaryDestinations() {
        EngineConnection owner = connect(engine, null);
        DestinationRef temp = EngineContractSupport.<DestinationRef>await(done -> owner.createTemporaryDestination(DestinationType.TEMPORARY_TOPIC, done));
        EngineContractSupport.<Void>await(owner::close);
        EngineSession s = session(connection, AckMode.AUTO);
        MessageData m = message(temp, "x").build();
        assertThat(EngineContractSupport.<Void>failure(done -> s.send(m, done)).kind())
                .isEqualTo(EngineException.Kind.INVALID_DESTINATION);
    }

    @Test
    @DisplayName("A durable subscription keeps messages while it has no consumer; unsubscribe removes it")
    void durableSubscription() {
        EngineConnection c = connect(engine, "durable-client");
        EngineSession s = session(c, AckMode.AUTO);
        ConsumerInfo info = new ConsumerInfo(topic, null, false, "sub", true, false, 100);
        EngineConsumer first = consumer(s, info, new CollectingSink());
        EngineContractSupport.<Void>await(first::close);
        send(s, topic, "while away");
        CollectingSink sink = new CollectingSink();
        EngineConsumer second = consumer(s, info, sink);
        Delivery away = sink.next();
        assertThat(body(away)).isEqualTo("while away");
        acknowledge(s, away);
        assertThat(EngineContractSupport.<Void>failure(done -> c.unsubscribe("sub", done)).kind())
                .as("while a consumer is active").isEqualTo(EngineException.Kind.ILLEGAL_STATE);
        EngineContractSupport.<Void>await(second::close);
        EngineContractSupport.<Void>await(done -> c.unsubscribe("sub", done));
        assertThat(EngineContractSupport.<Void>failure(done -> c.unsubscribe("sub", done)).kind())
                .as("once gone").isEqualTo(EngineException.Kind.INVALID_DESTINATION);
    }

    @Test
    @DisplayName("noLocal: a topic consumer does not get what its own connection sent, and gets what others sent")
    void noLocal() {
        EngineSession own = session(connection, AckMode.AUTO);
        CollectingSink sink = new CollectingSink();
        consumer(own, ConsumerInfo.of(topic, null, true, 100), sink);
        send(own, topic, "mine");
        EngineSession other = session(connect(engine, null), AckMode.AUTO);
        send(other, topic, "theirs");
        assertThat(sink.bodies(1)).containsExactly("theirs");
        sink.assertNothing();
    }

    @Test
    @DisplayName("An invalid selector fails createConsumer and browse with INVALID_SELECTOR")
    void invalidSelector() {
        EngineSession s = session(connection, AckMode.AUTO);
        DestinationRef queue = DestinationRef.queue("contract-sel");
        assertThat(EngineContractSupport.<EngineConsumer>failure(done -> s.createConsumer(
                ConsumerInfo.of(queue, "a = = 1", false, 10), new CollectingSink(), done)).kind()).isEqualTo(EngineException.Kind.INVALID_SELECTOR);
        assertThat(EngineContractSupport.<List<MessageData>>failure(done -> s.browse(queue, "a = = 1", done)).kind())
                .isEqualTo(EngineException.Kind.INVALID_SELECTOR);
    }

    @Test
    @DisplayName("A selector picks the messages a consumer gets; the others stay for other consumers")
    void selector() {
        EngineSession s = session(connection, AckMode.AUTO);
        DestinationRef queue = DestinationRef.queue("contract-sel");
        CollectingSink red = new CollectingSink();
        consumer(s, ConsumerInfo.of(queue, "color = 'red'", false, 10), red);
        for (String color : List.of("blue", "red", "blue")) {
            MessageData m = message(queue, color).properties(java.util.Map.of("color", color)).build();
            EngineContractSupport.<Void>await(done -> s.send(m, done));
        }
        assertThat(red.bodies(1)).containsExactly("red");
        red.assertNothing();
        CollectingSink rest = new CollectingSink();
        consumer(s, queue, rest);
        assertThat(rest.bodies(2)).containsExactly("blue", "blue");
    }
}
