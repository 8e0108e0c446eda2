package dev.ferrymq.engine;

import dev.ferrymq.engine.EngineTestSupport.Sink;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Message selectors as the engine applies them to consumers, subscriptions and browsers. */
@Timeout(30)
class SelectorDispatchTest {

    private final EngineTestSupport broker = new EngineTestSupport();
    private final EngineConnection connection = broker.connect("sel");
    private final EngineSession session = session(connection, AckMode.AUTO);
    private final DestinationRef queue = DestinationRef.queue("q");
    private final DestinationRef topic = DestinationRef.topic("t");

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    @DisplayName("Message selector: a message a consumer rejects stays in the queue for another consumer")
    void rejectedMessageStaysForOthers() {
        Sink red = new Sink();
        consumer(session, ConsumerInfo.of(queue, "color = 'red'", false, 100), red);
        send(session, withProperty(queue, "blue-1", "color", "blue"));
        send(session, withProperty(queue, "red-1", "color", "red"));
        assertThat(body(red.next())).isEqualTo("red-1");
        red.assertNothing();

        Sink blue = new Sink();
        consumer(session(connection, AckMode.AUTO), ConsumerInfo.of(queue, "color = 'blue'", false, 100), blue);
        assertThat(body(blue.next())).isEqualTo("blue-1");
    }

    @Test
    @DisplayName("Message selector: unmatched messages at the head do not block later matching ones")
    void unmatchedHeadDoesNotBlock() {
        for (int i = 0; i < 50; i++) {
            send(session, withProperty(queue, "skip-" + i, "n", i));
        }
        send(session, withProperty(queue, "wanted", "n", 1000));
        Sink sink = new Sink();
        consumer(session, ConsumerInfo.of(queue, "n >= 1000", false, 1), sink);
        assertThat(body(sink.next())).isEqualTo("wanted");
        List<MessageData> rest = await(done -> session.browse(queue, null, done));
        assertThat(rest).hasSize(50);
    }

    @Test
    @DisplayName("Message selector: JMSPriority and header fields can be selected on")
    void headerSelector() {
        Sink sink = new Sink();
        consumer(session, ConsumerInfo.of(queue, "JMSPriority > 6", false, 100), sink);
        send(session, message(queue, "normal").priority(4).build());
        send(session, message(queue, "urgent").priority(8).build());
        assertThat(body(sink.next())).isEqualTo("urgent");
        sink.assertNothing();
    }

    @Test
    @DisplayName("QueueBrowser: a browser selector filters the snapshot")
    void browseWithSelector() {
        send(session, withProperty(queue, "a", "k", 1));
        send(session, withProperty(queue, "b", "k", 2));
        send(session, withProperty(queue, "c", "k", 1));
        List<MessageData> seen = await(done -> session.browse(queue, "k = 1", done));
        assertThat(seen).extracting(m -> (String) m.body()).containsExactly("a", "c");
    }

    @Test
    @DisplayName("Topic semantics: a subscription with a selector only receives matching messages")
    void subscriptionSelector() {
        Sink sink = new Sink();
        consumer(session, ConsumerInfo.of(topic, "region = 'eu'", false, 100), sink);
        send(session, withProperty(topic, "us", "region", "us"));
        send(session, withProperty(topic, "eu", "region", "eu"));
        assertThat(body(sink.next())).isEqualTo("eu");
        sink.assertNothing();
    }

    @Test
    @DisplayName("Unshared durable subscriptions: a different selector replaces an inactive subscription")
    void durableSelectorChangeReplaces() {
        ConsumerInfo all = new ConsumerInfo(topic, null, false, "d", true, false, 100);
        ConsumerInfo some = new ConsumerInfo(topic, "k = 1", false, "d", true, false, 100);
        EngineConsumer c = consumer(session, all, new Sink());
        await(c::close);
        send(session, withProperty(topic, "old", "k", 1));
        Sink sink = new Sink();
        consumer(session, some, sink);
        sink.assertNothing();
        send(session, withProperty(topic, "new", "k", 1));
        assertThat(body(sink.next())).isEqualTo("new");
    }

    @Test
    @DisplayName("Shared non-durable subscriptions: a different selector while active is ILLEGAL_STATE")
    void sharedDifferentSelectorWhileActive() {
        consumer(session, new ConsumerInfo(topic, "k = 1", false, "s", false, true, 100), new Sink());
        EngineException e = EngineTestSupport.<EngineConsumer>failure(done -> session.createConsumer(
                new ConsumerInfo(topic, "k = 2", false, "s", false, true, 100), new Sink(), done));
        assertThat(e.kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
    }

    @Test
    @DisplayName("Message selector syntax: an invalid selector is INVALID_SELECTOR for consumers and browsers")
    void invalidSelector() {
        EngineException e = EngineTestSupport.<EngineConsumer>failure(done -> session.createConsumer(
                ConsumerInfo.of(queue, "color = ", false, 10), new Sink(), done));
        assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_SELECTOR);
        assertThat(e.getMessage()).contains("color = ");
        EngineException b = EngineTestSupport.<List<MessageData>>failure(done -> session.browse(queue, "((", done));
        assertThat(b.kind()).isEqualTo(EngineException.Kind.INVALID_SELECTOR);
    }
}
