package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 3.4.10 JMSPriority and 6.2.9.2 Order of message sends: a provider "should do its best to deliver
 * expedited messages ahead of normal messages", and "messages of higher priority may jump ahead of
 * previous lower-priority messages". The tests queue every message before a consumer exists, then
 * consume: the messages must come highest priority first, and in send order within a priority (the
 * ordering a provider that honours priority gives; the spec's "should" is asserted as FerryMQ does it).
 */
class PriorityOrderTest extends JmsTestBase {

    /** Send order: (priority, label); labels in send order within a priority. */
    private static final int[] PRIORITIES = {3, 9, 0, 5, 7, 1, 8, 2, 6, 4, 5, 9, 0};

    private static List<String> expectedOrder() {
        List<String> expected = new ArrayList<>();
        for (int p = 9; p >= 0; p--) {
            for (int i = 0; i < PRIORITIES.length; i++) {
                if (PRIORITIES[i] == p) {
                    expected.add(label(i));
                }
            }
        }
        return expected;
    }

    private static String label(int i) {
        return "p" + PRIORITIES[i] + "#" + i;
    }

    private static void sendAll(Session s, MessageProducer p) throws Exception {
        for (int i = 0; i < PRIORITIES.length; i++) {
            p.send(s.createTextMessage(label(i)), DeliveryMode.PERSISTENT, PRIORITIES[i], 0);
        }
    }

    private static List<String> receiveAll(MessageConsumer c) throws Exception {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < PRIORITIES.length; i++) {
            Message m = mustReceive(c);
            got.add(((TextMessage) m).getText());
            assertThat(m.getJMSPriority()).isEqualTo(Integer.parseInt(((TextMessage) m).getText().substring(1, 2)));
        }
        return got;
    }

    @Test
    @SpecSection("3.4.10 JMSPriority")
    void queuedMessagesAreDeliveredHighestPriorityFirst() throws Exception {
        Queue q = queue();
        Session s = session();
        sendAll(s, s.createProducer(q));
        assertThat(receiveAll(s.createConsumer(q))).containsExactlyElementsOf(expectedOrder());
    }

    @Test
    @SpecSection("6.2.9.2 Order of message sends")
    void expeditedMessagesJumpAheadOfEarlierNormalOnes() throws Exception {
        Queue q = queue();
        Session s = session();
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 5; i++) {
            p.send(s.createTextMessage("normal" + i), DeliveryMode.PERSISTENT, 4, 0);
        }
        p.send(s.createTextMessage("expedited"), DeliveryMode.PERSISTENT, 9, 0);
        MessageConsumer c = s.createConsumer(q);
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("expedited");
        for (int i = 0; i < 5; i++) {
            assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("normal" + i);
        }
    }

    @Test
    @SpecSection("3.4.10 JMSPriority")
    void priorityOrderWithTheSimplifiedApi() throws Exception {
        Queue q = queue();
        JMSContext ctx = context();
        for (int i = 0; i < PRIORITIES.length; i++) {
            ctx.createProducer().setPriority(PRIORITIES[i]).send(q, label(i));
        }
        JMSConsumer c = ctx.createConsumer(q);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < PRIORITIES.length; i++) {
            got.add(c.receiveBody(String.class, RECEIVE_TIMEOUT));
        }
        assertThat(got).containsExactlyElementsOf(expectedOrder());
    }

    @Test
    @SpecSection("3.4.10 JMSPriority")
    void durableSubscriptionDeliversHighestPriorityFirst() throws Exception {
        Topic t = topic();
        String name = uniqueName("prio");
        Session s = session();
        s.createSharedDurableConsumer(t, name).close();
        sendAll(s, s.createProducer(t));
        MessageConsumer c = s.createSharedDurableConsumer(t, name);
        assertThat(receiveAll(c)).containsExactlyElementsOf(expectedOrder());
        c.close();
        s.unsubscribe(name);
    }

    @Test
    @SpecSection("6.2.9.2 Order of message sends")
    void rolledBackMessagesKeepPriorityOrderOnRedelivery() throws Exception {
        Queue q = queue();
        Session sender = session();
        sendAll(sender, sender.createProducer(q));
        Session tx = session(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(q);
        receiveAll(c);
        tx.rollback();
        assertThat(receiveAll(c)).containsExactlyElementsOf(expectedOrder());
        tx.commit();
    }
}
