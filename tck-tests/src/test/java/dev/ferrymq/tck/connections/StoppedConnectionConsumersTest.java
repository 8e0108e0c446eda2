package dev.ferrymq.tck.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 6.1.4 Starting a connection / 6.1.5 Pausing delivery of incoming messages, with 4.1.2 Queue
 * semantics: a consumer whose connection is not started (never started, or stopped) receives no
 * message, so it must not take a queue's messages away from the queue's other consumers. The
 * official TCK's idle helper consumers rely on this.
 */
class StoppedConnectionConsumersTest extends JmsTestBase {

    private static final int COUNT = 10;

    private static void send(Session s, Queue q, String prefix, int n) throws JMSException {
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < n; i++) {
            p.send(s.createTextMessage(prefix + i));
        }
    }

    private static List<String> receive(MessageConsumer c, int n) throws JMSException {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            got.add(((TextMessage) mustReceive(c)).getText());
        }
        return got;
    }

    private static List<String> texts(String prefix, int n) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(prefix + i);
        }
        return all;
    }

    @Test
    @SpecSection("6.1.4 Starting a connection")
    void aConsumerOfAConnectionNeverStartedLeavesEveryMessageToTheStartedOne() throws Exception {
        Queue q = queue();
        Connection idle = connection();
        idle.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        Session active = session();
        MessageConsumer consumer = active.createConsumer(q);
        send(active, q, "m", COUNT);
        assertThat(receive(consumer, COUNT)).containsExactlyElementsOf(texts("m", COUNT));
        mustNotReceive(consumer);
    }

    @Test
    @SpecSection("6.1.4 Starting a connection")
    void startingTheConnectionLetsItsConsumerTakePart() throws Exception {
        Queue q = queue();
        Connection late = connection();
        MessageConsumer lateConsumer = late.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        Session active = session();
        MessageConsumer early = active.createConsumer(q);
        send(active, q, "before", 1);
        assertThat(receive(early, 1)).containsExactly("before0");
        early.close();
        late.start();
        send(active, q, "after", 1);
        assertThat(receive(lateConsumer, 1)).containsExactly("after0");
    }

    @Test
    @SpecSection("6.1.5 Pausing delivery of incoming messages")
    void aConsumerOfAStoppedConnectionTakesNoMoreMessages() throws Exception {
        Queue q = queue();
        Connection stopped = startedConnection();
        MessageConsumer paused = stopped.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        stopped.stop();
        Session active = session();
        MessageConsumer consumer = active.createConsumer(q);
        send(active, q, "m", COUNT);
        assertThat(receive(consumer, COUNT)).containsExactlyElementsOf(texts("m", COUNT));
        consumer.close();
        stopped.start();
        send(active, q, "again", 1);
        assertThat(receive(paused, 1)).containsExactly("again0");
    }

    @Test
    @SpecSection("6.1.4 Starting a connection")
    void aJMSContextConsumerWithoutAutoStartLeavesEveryMessageToTheStartedOne() throws Exception {
        Queue q = queue();
        JMSContext idle = context();
        idle.setAutoStart(false);
        idle.createConsumer(q);
        JMSContext active = context();
        JMSConsumer consumer = active.createConsumer(q);
        for (int i = 0; i < COUNT; i++) {
            active.createProducer().send(q, "m" + i);
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            got.add(consumer.receiveBody(String.class, RECEIVE_TIMEOUT));
        }
        assertThat(got).containsExactlyElementsOf(texts("m", COUNT));
    }
}
