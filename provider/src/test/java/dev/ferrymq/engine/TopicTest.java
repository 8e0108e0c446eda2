package dev.ferrymq.engine;

import dev.ferrymq.engine.EngineTestSupport.Sink;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class TopicTest {

    private final EngineTestSupport broker = new EngineTestSupport();
    private final DestinationRef topic = DestinationRef.topic("news");
    private final DestinationRef otherTopic = DestinationRef.topic("sports");

    @AfterEach
    void stop() {
        broker.close();
    }

    private static ConsumerInfo durable(DestinationRef t, String name) {
        return new ConsumerInfo(t, null, false, name, true, false, 1000);
    }

    private static ConsumerInfo sharedDurable(DestinationRef t, String name) {
        return new ConsumerInfo(t, null, false, name, true, true, 1000);
    }

    private static ConsumerInfo shared(DestinationRef t, String name) {
        return new ConsumerInfo(t, null, false, name, false, true, 1000);
    }

    @Test
    @DisplayName("Topic semantics: every subscription gets a copy of each message, the same MessageData")
    void fanOut() {
        EngineConnection c = broker.connect();
        EngineSession s = session(c, AckMode.AUTO);
        Sink a = new Sink();
        Sink b = new Sink();
        consumer(s, topic, a);
        consumer(session(broker.connect(), AckMode.AUTO), topic, b);
        send(s, text(topic, "hello"));
        Delivery da = a.next();
        Delivery db = b.next();
        assertThat(body(da)).isEqualTo("hello");
        assertThat(da.message()).isSameAs(db.message());
    }

    @Test
    @DisplayName("Unshared non-durable subscriptions: only messages sent while the consumer exists; gone when it closes")
    void nonDurableLifetime() {
        EngineSession s = session(broker.connect(), AckMode.AUTO);
        send(s, text(topic, "before"));
        Sink sink = new Sink();
        EngineConsumer c = consumer(s, topic, sink);
        send(s, text(topic, "during"));
        assertThat(body(sink.next())).isEqualTo("during");
        await(c::close);
        send(s, text(topic, "after"));
        Sink again = new Sink();
        consumer(s, topic, again);
        again.assertNothing();
        sink.assertNothing();
    }

    @Test
    @DisplayName("Unshared durable subscriptions: messages accumulate while no consumer is active")
    void durableSurvivesConsumerClose() {
        EngineConnection c = broker.connect("client-1");
        EngineSession s = session(c, AckMode.AUTO);
        Sink first = new Sink();
        EngineConsumer sub = consumer(s, durable(topic, "sub"), first);
        send(s, text(topic, "one"));
        assertThat(body(first.next())).isEqualTo("one");
        await(sub::close);

        send(s, text(topic, "two"));
        send(s, text(topic, "three"));
        Sink second = new Sink();
        consumer(s, durable(topic, "sub"), second);
        assertThat(second.bodies(2)).containsExactly("two", "three");
    }

    @Test
    @DisplayName("Unshared durable subscriptions: a second active consumer is ILLEGAL_STATE")
    void durableSingleActiveConsumer() {
        EngineConnection c = broker.connect("client-1");
        EngineSession s = session(c, AckMode.AUTO);
        consumer(s, durable(topic, "sub"), new Sink());
        EngineException e = EngineTestSupport.<dev.ferrymq.spi.EngineConsumer>failure(
                done -> s.createConsumer(durable(topic, "sub"), new Sink(), done));
        assertThat(e.kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
        assertThat(e.getMessage()).contains("active consumer");
    }

    @Test
    @DisplayName("Unshared durable subscriptions: the client identifier must be set")
    void durableNeedsClientId() {
        EngineSession s = session(broker.connect(), AckMode.AUTO);
        EngineException e = EngineTestSupport.<EngineConsumer>failure(
                done -> s.createConsumer(durable(topic, "sub"), new Sink(), done));
        assertThat(e.kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
        assertThat(e.getMessage()).contains("client ID");
    }

    @Test
    @DisplayName("Unshared durable subscriptions: a different topic or selector replaces an inactive subscription")
    void durableReplacedOnChange() {
        EngineConnection c = broker.connect("client-1");
        EngineSession s = session(c, AckMode.AUTO);
        EngineConsumer sub = consumer(s, durable(topic, "sub"), new Sink());
        await(sub::close);
        send(s, text(topic, "old"));

        Sink sink = new Sink();
        consumer(s, durable(otherTopic, "sub"), sink);
        sink.assertNothing();
        send(s, text(otherTopic, "new"));
        send(s, text(topic, "ignored"));
        assertThat(body(sink.next())).isEqualTo("new");
        sink.assertNothing();
    }

    @Test
    @DisplayName("Unshared durable subscriptions: a changed noLocal value replaces an inactive subscription")
    void durableReplacedOnNoLocalChange() {
        EngineConnection c = broker.connect("client-1");
        EngineSession s = session(c, AckMode.AUTO);
        EngineConsumer sub = consumer(s, durable(topic, "sub"), new Sink());
        await(sub::close);
        send(s, text(topic, "old"));
        Sink sink = new Sink();
        consumer(s, new ConsumerInfo(topic, null, true, "sub", true, false, 1000), sink);
        sink.assertNothing();
    }

    @Test
    @DisplayName("Shared durable subscriptions: an unshared durable subscription of the same name is refused")
    void sharedAndUnsharedDurableClash() {
        EngineConnection c = broker.connect("client-1");
        EngineSession s = session(c, AckMode.AUTO);
        consumer(s, sharedDurable(topic, "sub"), new Sink());
        EngineException e = EngineTestSupport.<EngineConsumer>failure(
                done -> s.createConsumer(durable(topic, "sub"), new Sink(), done));
        assertThat(e.kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
        assertThat(e.getMessage()).contains("shared durable subscription");
    }

    @Test
    @DisplayName("Shared non-durable subscriptions: completely separate from a durable subscription of the same name")
    void sharedNonDurableSeparateFromDurable() {
        EngineConnection c = broker.connect("client-1");
        EngineSession s = session(c, AckMode.AUTO);
        Sink d = new Sink();
        Sink n = new Sink();
        consumer(s, durable(topic, "sub"), d);
        consumer(s, shared(topic, "sub"), n);
        send(s, text(topic, "x"));
        assertThat(body(d.next())).isEqualTo("x");
        assertThat(body(n.next())).isEqualTo("x");
    }

    @Test
    @DisplayName("Shared non-durable subscriptions: consumers share the messages, each delivered once")
    void sharedSplitsMessages() {
        EngineSession s1 = session(broker.connect(), AckMode.AUTO);
        EngineSession s2 = session(broker.connect(), AckMode.AUTO);
        Sink a = new Sink();
        Sink b = new Sink();
        consumer(s1, shared(topic, "work"), a);
        consumer(s2, shared(topic, "work"), b);
        for (int i = 0; i < 10; i++) {
            send(s1, text(topic, "m" + i));
        }
        int count = 0;
        while (a.poll(QUIET_MS) != null) {
            count++;
        }
        int fromA = count;
        while (b.poll(QUIET_MS) != null) {
            count++;
        }
        assertThat(count).isEqualTo(10);
        assertThat(fromA).isBetween(1, 9);
    }

    @Test
    @DisplayName("Shared non-durable subscriptions: a different topic while consumers are active is ILLEGAL_STATE; removed with its last consumer")
    void sharedDifferentTopicWhileActive() {
        EngineSession s = session(broker.connect(), AckMode.AUTO);
        EngineConsumer c = consumer(s, shared(topic, "work"), new Sink());
        EngineException e = EngineTestSupport.<EngineConsumer>failure(
                done -> s.createConsumer(shared(otherTopic, "work"), new Sink(), done));
        assertThat(e.kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);

        await(c::close);
        send(s, text(topic, "dropped"));
        Sink sink = new Sink();
        consumer(s, shared(otherTopic, "work"), sink);
        send(s, text(otherTopic, "kept"));
        assertThat(body(sink.next())).isEqualTo("kept");
        sink.assertNothing();
    }

    @Test
    @DisplayName("Shared durable subscriptions: persist without consumers and are shared; different selector while active is ILLEGAL_STATE")
    void sharedDurable() {
        EngineSession s = session(broker.connect(), AckMode.AUTO);
        EngineConsumer first = consumer(s, sharedDurable(topic, "sd"), new Sink());
        await(first::close);
        send(s, text(topic, "kept"));
        Sink a = new Sink();
        consumer(s, sharedDurable(topic, "sd"), a);
        assertThat(body(a.next())).isEqualTo("kept");
        Sink b = new Sink();
        consumer(session(broker.connect(), AckMode.AUTO), sharedDurable(topic, "sd"), b);
        EngineException e = EngineTestSupport.<EngineConsumer>failure(
                done -> s.createConsumer(sharedDurable(otherTopic, "sd"), new Sink(), done));
        assertThat(e.kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
    }

    @Test
    @DisplayName("Unshared non-durable subscriptions: noLocal skips messages sent by the consumer's own connection")
    void noLocal() {
        EngineConnection mine = broker.connect();
        EngineSession s = session(mine, AckMode.AUTO);
        Sink sink = new Sink();
        consumer(s, ConsumerInfo.of(topic, null, true, 1000), sink);
        send(session(mine, AckMode.AUTO), text(topic, "local"));
        send(session(broker.connect(), AckMode.AUTO), text(topic, "remote"));
        assertThat(body(sink.next())).isEqualTo("remote");
        sink.assertNothing();
    }

    @Test
    @DisplayName("Unshared durable subscriptions: noLocal skips messages of any connection with the same client ID")
    void durableNoLocal() {
        EngineConnection mine = broker.connect("client-1");
        EngineSession s = session(mine, AckMode.AUTO);
        ConsumerInfo info = new ConsumerInfo(topic, null, true, "sub", true, false, 1000);
        EngineConsumer c = consumer(s, info, new Sink());
        await(c::close);
        await(mine::close);
        EngineConnection again = broker.connect("client-1");
        send(session(again, AckMode.AUTO), text(topic, "local"));
        send(session(broker.connect(), AckMode.AUTO), text(topic, "remote"));
        Sink sink = new Sink();
        consumer(session(again, AckMode.AUTO), info, sink);
        assertThat(body(sink.next())).isEqualTo("remote");
        sink.assertNothing();
    }

    @Test
    @DisplayName("Session.unsubscribe: deletes an inactive durable subscription and its messages")
    void unsubscribe() {
        EngineConnection c = broker.connect("client-1");
        EngineSession s = session(c, AckMode.AUTO);
        EngineConsumer sub = consumer(s, durable(topic, "sub"), new Sink());
        await(sub::close);
        send(s, text(topic, "gone"));
        EngineTestSupport.<Void>await(done -> c.unsubscribe("sub", done));
        Sink sink = new Sink();
        consumer(s, durable(topic, "sub"), sink);
        sink.assertNothing();
    }

    @Test
    @DisplayName("Session.unsubscribe: INVALID_DESTINATION for an unknown name, ILLEGAL_STATE while active or unacknowledged")
    void unsubscribeRules() {
        EngineConnection c = broker.connect("client-1");
        assertThat(EngineTestSupport.<Void>failure(done -> c.unsubscribe("nope", done)).kind())
                .isEqualTo(EngineException.Kind.INVALID_DESTINATION);

        EngineSession s = session(c, AckMode.CLIENT);
        Sink sink = new Sink();
        EngineConsumer sub = consumer(s, durable(topic, "sub"), sink);
        assertThat(EngineTestSupport.<Void>failure(done -> c.unsubscribe("sub", done)).kind())
                .isEqualTo(EngineException.Kind.ILLEGAL_STATE);

        send(s, text(topic, "unacked"));
        Delivery d = sink.next();
        await(sub::close);
        EngineException e = EngineTestSupport.<Void>failure(done -> c.unsubscribe("sub", done));
        assertThat(e.kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
        assertThat(e.getMessage()).contains("not acknowledged");

        EngineTestSupport.<Void>await(done -> s.acknowledge(List.of(d), done));
        EngineTestSupport.<Void>await(done -> c.unsubscribe("sub", done));
    }

    @Test
    @DisplayName("Session.unsubscribe: without a client ID it deletes the shared durable subscription of that name")
    void unsubscribeSharedWithoutClientId() {
        EngineConnection c = broker.connect();
        EngineSession s = session(c, AckMode.AUTO);
        EngineConsumer sub = consumer(s, sharedDurable(topic, "sd"), new Sink());
        await(sub::close);
        EngineTestSupport.<Void>await(done -> c.unsubscribe("sd", done));
        assertThat(EngineTestSupport.<Void>failure(done -> c.unsubscribe("sd", done)).kind())
                .isEqualTo(EngineException.Kind.INVALID_DESTINATION);
    }
}
