package dev.ferrymq.tck.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 6.2.10 Message acknowledgment: CLIENT, AUTO and DUPS_OK modes and Session.recover. */
@SpecSection("6.2.10 Message acknowledgment")
class AcknowledgeTest extends JmsTestBase {

    private Queue queueWith(String... texts) throws Exception {
        Queue q = queue();
        Session s = session();
        MessageProducer p = s.createProducer(q);
        for (String t : texts) {
            p.send(s.createTextMessage(t));
        }
        return q;
    }

    @Test
    void recoverRedeliversUnacknowledgedMessagesInOrder() throws Exception {
        Queue q = queueWith("a", "b");
        Session s = session(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(q);
        mustReceive(c);
        mustReceive(c);
        s.recover();
        Message a = mustReceive(c);
        Message b = mustReceive(c);
        assertThat(((TextMessage) a).getText()).isEqualTo("a");
        assertThat(((TextMessage) b).getText()).isEqualTo("b");
        assertThat(a.getJMSRedelivered()).isTrue();
        assertThat(a.getIntProperty("JMSXDeliveryCount")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void acknowledgeAcknowledgesEveryMessageConsumedBySession() throws Exception {
        Queue q = queueWith("a", "b", "c");
        Session s = session(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(q);
        Message first = mustReceive(c);
        mustReceive(c);
        mustReceive(c);
        first.acknowledge();
        s.recover();
        mustNotReceive(c);
    }

    @Test
    void acknowledgedMessagesAreNotRedeliveredAfterClose() throws Exception {
        Queue q = queueWith("a");
        Session s = session(false, Session.CLIENT_ACKNOWLEDGE);
        mustReceive(s.createConsumer(q)).acknowledge();
        s.close();
        mustNotReceive(session().createConsumer(q));
    }

    @Test
    void unacknowledgedMessagesAreRedeliveredAfterSessionClose() throws Exception {
        Queue q = queueWith("a");
        Session s = session(false, Session.CLIENT_ACKNOWLEDGE);
        Message m = mustReceive(s.createConsumer(q));
        s.close();
        Message again = mustReceive(session().createConsumer(q));
        assertThat(again.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    void autoAcknowledgeConsumesOnReceive() throws Exception {
        Queue q = queueWith("a");
        Session s = session(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(q);
        mustReceive(c);
        s.recover();
        mustNotReceive(c);
    }

    @Test
    void acknowledgeIsIgnoredInAutoAcknowledgeMode() throws Exception {
        Queue q = queueWith("a");
        Session s = session(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(q);
        mustReceive(c).acknowledge();
        mustNotReceive(c);
    }

    @Test
    void dupsOkSessionReceivesAllMessages() throws Exception {
        Queue q = queueWith("a", "b");
        Session s = session(false, Session.DUPS_OK_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(q);
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("a");
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("b");
    }

    @Test
    void clientAcknowledgeWithListenerAndRecoverRedelivers() throws Exception {
        Queue q = queueWith("a");
        Session s = session(false, Session.CLIENT_ACKNOWLEDGE);
        java.util.concurrent.LinkedBlockingQueue<Message> got = new java.util.concurrent.LinkedBlockingQueue<>();
        s.createConsumer(q).setMessageListener(m -> {
            got.add(m);
            try {
                if (!m.getJMSRedelivered()) {
                    s.recover();
                } else {
                    m.acknowledge();
                }
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        Message first = got.poll(RECEIVE_TIMEOUT, java.util.concurrent.TimeUnit.MILLISECONDS);
        Message second = got.poll(RECEIVE_TIMEOUT, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(second.getJMSRedelivered()).isTrue();
    }
}
