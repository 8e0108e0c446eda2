package dev.ferrymq.engine;

import dev.ferrymq.engine.EngineTestSupport.Sink;
import dev.ferrymq.engine.queue.QueueStats;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Browsing, expiry and delivery delay. */
@Timeout(30)
class TimeTest {

    private static QueueStats stats(EngineTestSupport b, String queue) {
        return await(done -> b.broker().queueStats(queue, done));
    }

    /** Waits until {@code time} by receiving a message delayed until then from a queue of its own. */
    private static void awaitTime(EngineSession s, long time) {
        DestinationRef clock = DestinationRef.queue("clock");
        Sink tick = new Sink();
        consumer(s, clock, tick);
        send(s, message(clock, "tick").deliveryTime(time).build());
        tick.next();
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(time);
    }

    @Test
    @DisplayName("QueueBrowser: a snapshot in delivery order that consumes nothing")
    void browse() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineSession s = session(b.connect(), AckMode.AUTO);
            DestinationRef q = DestinationRef.queue("q");
            send(s, message(q, "low").priority(2).build());
            send(s, message(q, "high").priority(8).build());
            send(s, message(q, "mid").priority(4).build());

            List<MessageData> seen = await(done -> s.browse(q, null, done));
            assertThat(seen).extracting(m -> (String) m.body()).containsExactly("high", "mid", "low");

            Sink sink = new Sink();
            consumer(s, q, sink);
            assertThat(sink.bodies(3)).containsExactly("high", "mid", "low");
        }
    }

    @Test
    @DisplayName("QueueBrowser: browsing a queue never used is empty; browsing a topic is INVALID_DESTINATION")
    void browseUnknownAndTopic() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineSession s = session(b.connect(), AckMode.AUTO);
            List<MessageData> none = await(done -> s.browse(DestinationRef.queue("never"), null, done));
            assertThat(none).isEmpty();
            EngineException e = EngineTestSupport.<List<MessageData>>failure(
                    done -> s.browse(DestinationRef.topic("t"), null, done));
            assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_DESTINATION);
        }
    }

    @Test
    @DisplayName("JMSExpiration: an expired message is never delivered (checked at dispatch)")
    void expiredAtDispatch() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("expirySweepInterval", "0"))) {
            EngineSession s = session(b.connect(), AckMode.AUTO);
            DestinationRef q = DestinationRef.queue("q");
            long now = System.currentTimeMillis();
            send(s, message(q, "short-lived").expiration(now + 100).build());
            send(s, message(q, "already-expired").expiration(now - 1).build());
            send(s, text(q, "valid"));
            awaitTime(s, now + 150);

            Sink sink = new Sink();
            consumer(s, q, sink);
            assertThat(body(sink.next())).isEqualTo("valid");
            sink.assertNothing();
            assertThat(stats(b, "q").expired()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("JMSExpiration: the sweeper drops expired messages nobody asks for")
    void expiredBySweeper() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("expirySweepInterval", "20"))) {
            EngineSession s = session(b.connect(), AckMode.AUTO);
            DestinationRef q = DestinationRef.queue("q");
            send(s, message(q, "short-lived").expiration(System.currentTimeMillis() + 50).build());
            send(s, text(q, "lasting"));
            eventually(() -> stats(b, "q").expired() == 1);
            QueueStats st = stats(b, "q");
            assertThat(st.available()).isEqualTo(1);
            assertThat(st.enqueued()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("Message delivery delay: a message is neither deliverable nor browsable before its delivery time")
    void deliveryDelay() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineSession s = session(b.connect(), AckMode.AUTO);
            DestinationRef q = DestinationRef.queue("q");
            Sink sink = new Sink();
            consumer(s, q, sink);
            long sentAt = System.currentTimeMillis();
            long deliveryTime = sentAt + 400;
            send(s, message(q, "later").deliveryTime(deliveryTime).build());
            send(s, text(q, "now"));

            assertThat(body(sink.next())).isEqualTo("now");
            List<MessageData> browsed = await(done -> s.browse(q, null, done));
            assertThat(browsed).isEmpty();
            assertThat(sink.poll(100)).isNull();

            Delivery later = sink.next();
            long arrived = System.currentTimeMillis();
            assertThat(body(later)).isEqualTo("later");
            assertThat(arrived).isGreaterThanOrEqualTo(deliveryTime);
        }
    }

    @Test
    @DisplayName("Message delivery delay: delayed topic messages reach every subscription at their time")
    void deliveryDelayOnTopic() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineConnection c = b.connect();
            EngineSession s = session(c, AckMode.AUTO);
            DestinationRef t = DestinationRef.topic("t");
            Sink one = new Sink();
            Sink two = new Sink();
            consumer(s, t, one);
            consumer(session(c, AckMode.AUTO), t, two);
            long deliveryTime = System.currentTimeMillis() + 200;
            send(s, message(t, "later").deliveryTime(deliveryTime).build());
            assertThat(one.poll(50)).isNull();
            assertThat(body(one.next())).isEqualTo("later");
            assertThat(body(two.next())).isEqualTo("later");
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(deliveryTime);
        }
    }
}
