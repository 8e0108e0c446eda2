package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 4.1.6 QueueBrowser: looking at queued messages without removing them. */
@SpecSection("4.1.6 QueueBrowser")
class QueueBrowserTest extends JmsTestBase {

    private static List<String> texts(QueueBrowser b) throws Exception {
        List<String> out = new ArrayList<>();
        Enumeration<?> e = b.getEnumeration();
        while (e.hasMoreElements()) {
            out.add(((TextMessage) e.nextElement()).getText());
        }
        return out;
    }

    private Queue queueWith(Session s, String... texts) throws Exception {
        Queue q = queue();
        MessageProducer p = s.createProducer(q);
        for (String t : texts) {
            TextMessage m = s.createTextMessage(t);
            m.setStringProperty("t", t);
            p.send(m);
        }
        return q;
    }

    @Test
    void browsingShowsQueuedMessagesInOrderWithoutConsumingThem() throws Exception {
        Session s = session();
        Queue q = queueWith(s, "a", "b", "c");
        assertThat(texts(s.createBrowser(q))).containsExactly("a", "b", "c");
        MessageConsumer c = s.createConsumer(q);
        for (String t : List.of("a", "b", "c")) {
            assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo(t);
        }
    }

    @Test
    void browserWithSelectorShowsOnlySelectedMessages() throws Exception {
        Session s = session();
        Queue q = queueWith(s, "a", "b", "c");
        assertThat(texts(s.createBrowser(q, "t <> 'b'"))).containsExactly("a", "c");
    }

    @Test
    void browsingAnEmptyQueueShowsNothing() throws Exception {
        Session s = session();
        assertThat(s.createBrowser(queue()).getEnumeration().hasMoreElements()).isFalse();
    }

    @Test
    void browserReportsItsQueueAndSelector() throws Exception {
        Session s = session();
        Queue q = queue();
        QueueBrowser plain = s.createBrowser(q);
        assertThat(plain.getQueue()).isEqualTo(q);
        assertThat(plain.getMessageSelector()).isNull();
        assertThat(s.createBrowser(q, "x = 1").getMessageSelector()).isEqualTo("x = 1");
    }

    @Test
    void browsingWorksOnAStoppedConnection() throws Exception {
        Session s = connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queueWith(s, "a");
        assertThat(texts(s.createBrowser(q))).containsExactly("a");
    }

    @Test
    void browsedMessagesCarryHeadersAndProperties() throws Exception {
        Session s = session();
        Queue q = queueWith(s, "a");
        Message m = (Message) s.createBrowser(q).getEnumeration().nextElement();
        assertThat(m.getJMSMessageID()).startsWith("ID:");
        assertThat(m.getStringProperty("t")).isEqualTo("a");
        assertThat(m.getJMSDestination()).isEqualTo(q);
    }
}
