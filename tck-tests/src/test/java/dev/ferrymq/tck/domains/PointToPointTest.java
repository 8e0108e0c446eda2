package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 4.1 The point-to-point model: queue semantics. */
class PointToPointTest extends JmsTestBase {

    @Test
    @SpecSection("4.1.2 Queue semantics")
    void queueRetainsMessagesUntilAConsumerExists() throws Exception {
        Session s = session();
        Queue q = queue();
        s.createProducer(q).send(s.createTextMessage("kept"));
        MessageConsumer c = s.createConsumer(q);
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("kept");
    }

    @Test
    @SpecSection("4.1.2 Queue semantics")
    void aConsumedMessageIsNotDeliveredAgain() throws Exception {
        Session s = session();
        Queue q = queue();
        s.createProducer(q).send(s.createTextMessage("once"));
        MessageConsumer c = s.createConsumer(q);
        mustReceive(c);
        c.close();
        mustNotReceive(s.createConsumer(q));
    }

    @Test
    @SpecSection("4.1.2 Queue semantics")
    void competingConsumersEachMessageExactlyOnce() throws Exception {
        int count = 20;
        Queue q = queue();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger deliveries = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(count);
        for (int i = 0; i < 2; i++) {
            Session s = session();
            s.createConsumer(q).setMessageListener(m -> {
                try {
                    seen.add(m.getJMSMessageID());
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
                deliveries.incrementAndGet();
                all.countDown();
            });
        }
        Session sender = session();
        MessageProducer p = sender.createProducer(q);
        for (int i = 0; i < count; i++) {
            p.send(sender.createTextMessage("m" + i));
        }
        assertThat(all.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        mustNotReceive(sender.createConsumer(q));
        assertThat(seen).hasSize(count);
        assertThat(deliveries.get()).isEqualTo(count);
    }

    @Test
    @SpecSection("6.2.9.1 Order of message receipt")
    void messagesFromOneSessionArriveInSendOrder() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 10; i++) {
            p.send(s.createTextMessage("m" + i));
        }
        MessageConsumer c = s.createConsumer(q);
        for (int i = 0; i < 10; i++) {
            assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("m" + i);
        }
    }

    @Test
    @SpecSection("4.1.4 Queue")
    void queueNameIsTheNameItWasCreatedWith() throws Exception {
        Session s = session();
        Queue q = s.createQueue("tck.named.queue");
        assertThat(q.getQueueName()).isEqualTo("tck.named.queue");
        assertThat(q.toString()).isNotNull();
    }

    @Test
    @SpecSection("5.2 Destination")
    void queueFromJndiAndFromSessionReachTheSameQueue() throws Exception {
        Session s = session();
        Queue fromJndi = lookup("PresetQueue");
        Queue fromSession = s.createQueue(fromJndi.getQueueName());
        MessageConsumer c = s.createConsumer(fromJndi);
        s.createProducer(fromSession).send(s.createTextMessage("same"));
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("same");
    }

    @Test
    @SpecSection("6.2.10 Message acknowledgment")
    void unacknowledgedMessageIsRedeliveredToTheNextConsumer() throws Exception {
        Queue q = queue();
        Connection first = startedConnection();
        Session clientAck = first.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        clientAck.createProducer(q).send(clientAck.createTextMessage("unacked"));
        Message got = mustReceive(clientAck.createConsumer(q));
        assertThat(got.getJMSRedelivered()).isFalse();
        clientAck.close();
        Message again = mustReceive(session().createConsumer(q));
        assertThat(again.getJMSMessageID()).isEqualTo(got.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isGreaterThanOrEqualTo(2);
    }
}
