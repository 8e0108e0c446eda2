package dev.ferrymq.tck.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 * 7.8 Message time-to-live ("It is not acceptable to simply ignore time-to-live": an expired message
 * is never delivered, whatever the way of receiving) and 7.9 Message delivery delay ("The provider
 * must not deliver messages before the delivery time has been reached"), beyond the basic cases of
 * ProducerTest: listeners, subscriptions, the simplified API and transacted sends.
 */
class ExpiryAndDelayTest extends JmsTestBase {

    private static final long DELAY = 400;

    @Test
    @SpecSection("7.8 Message time-to-live")
    void expiredMessageIsNotDeliveredToAListener() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageProducer p = s.createProducer(q);
        p.send(s.createTextMessage("expires"), jakarta.jms.DeliveryMode.PERSISTENT, 4, 50);
        p.send(s.createTextMessage("lives"));
        letTimePass(200);
        CompletableFuture<String> first = new CompletableFuture<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                first.complete(((TextMessage) m).getText());
            } catch (Exception e) {
                first.completeExceptionally(e);
            }
        });
        assertThat(first.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isEqualTo("lives");
    }

    @Test
    @SpecSection("7.8 Message time-to-live")
    void expiredMessageIsNotDeliveredFromADurableSubscription() throws Exception {
        Topic t = topic();
        String name = uniqueName("sdur");
        Session s = session();
        s.createSharedDurableConsumer(t, name).close();
        MessageProducer p = s.createProducer(t);
        p.setTimeToLive(50);
        p.send(s.createTextMessage("expires"));
        letTimePass(200);
        MessageConsumer c = s.createSharedDurableConsumer(t, name);
        mustNotReceive(c);
        c.close();
        s.unsubscribe(name);
    }

    @Test
    @SpecSection("7.8 Message time-to-live")
    void expiredMessageIsNotDeliveredWithTheSimplifiedApi() throws Exception {
        JMSContext ctx = context();
        Queue q = queue();
        ctx.createProducer().setTimeToLive(50).send(q, "expires");
        ctx.createProducer().send(q, "lives");
        letTimePass(200);
        JMSConsumer c = ctx.createConsumer(q);
        Message m = c.receive(RECEIVE_TIMEOUT);
        assertThat(m).as("the live message").isNotNull();
        assertThat(m.getBody(String.class)).isEqualTo("lives");
        assertThat(c.receive(NO_MESSAGE_TIMEOUT)).isNull();
    }

    @Test
    @SpecSection("7.8 Message time-to-live")
    void transactedSendExpiresFromTheTimeOfSend() throws Exception {
        Session tx = session(true, Session.SESSION_TRANSACTED);
        Queue q = queue();
        MessageProducer p = tx.createProducer(q);
        p.setTimeToLive(60_000);
        TextMessage m = tx.createTextMessage("tx");
        long before = System.currentTimeMillis();
        p.send(m);
        letTimePass(50);
        long beforeCommit = System.currentTimeMillis();
        tx.commit();
        Message r = mustReceive(session().createConsumer(q));
        assertThat(m.getJMSTimestamp()).as("the time of send, not of commit").isBetween(before, beforeCommit - 50);
        assertTimeOfSend(r.getJMSExpiration(), m, 60_000, "JMSExpiration");
    }

    @Test
    @SpecSection("7.9 Message delivery delay")
    void listenerIsNotCalledBeforeTheDeliveryTime() throws Exception {
        Session s = session();
        Queue q = queue();
        CompletableFuture<Long> arrived = new CompletableFuture<>();
        s.createConsumer(q).setMessageListener(m -> arrived.complete(System.currentTimeMillis()));
        MessageProducer p = session().createProducer(q);
        p.setDeliveryDelay(DELAY);
        TextMessage m = s.createTextMessage("later");
        p.send(m);
        assertThat(arrived.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(m.getJMSDeliveryTime());
    }

    @Test
    @SpecSection("7.9 Message delivery delay")
    void delayedMessageIsNotReceivedBeforeItsDeliveryTime() throws Exception {
        JMSContext ctx = context();
        Queue q = queue();
        JMSConsumer c = ctx.createConsumer(q);
        long sent = System.currentTimeMillis();
        ctx.createProducer().setDeliveryDelay(DELAY).send(q, "later");
        assertThat(c.receive(DELAY - 100)).isNull();
        Message m = c.receive(RECEIVE_TIMEOUT);
        assertThat(m).isNotNull();
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(m.getJMSDeliveryTime());
        assertThat(m.getJMSDeliveryTime()).isGreaterThanOrEqualTo(sent + DELAY);
    }

    @Test
    @SpecSection("7.9 Message delivery delay")
    void aSubscriptionCreatedAfterTheSendDoesNotGetTheDelayedMessage() throws Exception {
        Topic t = topic();
        Session s = session();
        MessageConsumer before = s.createConsumer(t);
        MessageProducer p = s.createProducer(t);
        p.setDeliveryDelay(DELAY);
        p.send(s.createTextMessage("later"));
        MessageConsumer after = s.createConsumer(t);
        assertThat(mustReceive(before)).isNotNull();
        mustNotReceive(after);
    }

    @Test
    @SpecSection("7.9 Message delivery delay")
    void transactedSendIsDelayedFromTheTimeOfSend() throws Exception {
        Session tx = session(true, Session.SESSION_TRANSACTED);
        Queue q = queue();
        MessageProducer p = tx.createProducer(q);
        p.setDeliveryDelay(DELAY);
        TextMessage m = tx.createTextMessage("tx");
        p.send(m);
        letTimePass(50);
        tx.commit();
        Message r = mustReceive(session().createConsumer(q));
        // Delayed from the send, not the commit.
        assertTimeOfSend(r.getJMSDeliveryTime(), m, DELAY, "JMSDeliveryTime");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(r.getJMSDeliveryTime());
    }

    @Test
    @SpecSection("7.9 Message delivery delay")
    void delayedMessageInADurableSubscriptionWaitsForItsDeliveryTime() throws Exception {
        Topic t = topic();
        String name = uniqueName("sdur");
        Session s = session();
        s.createSharedDurableConsumer(t, name).close();
        MessageProducer p = s.createProducer(t);
        p.setDeliveryDelay(DELAY);
        TextMessage m = s.createTextMessage("later");
        p.send(m);
        MessageConsumer c = s.createSharedDurableConsumer(t, name);
        assertThat(c.receive(DELAY - 100)).isNull();
        assertThat(mustReceive(c)).isNotNull();
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(m.getJMSDeliveryTime());
        c.close();
        s.unsubscribe(name);
    }

    @Test
    @SpecSection("6.2.10 Message acknowledgment")
    void dupsOkListenerGetsEveryMessageInOrder() throws Exception {
        Session s = session(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue q = queue();
        java.util.List<String> got = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(10);
        s.createConsumer(q).setMessageListener(m -> {
            try {
                got.add(((TextMessage) m).getText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            all.countDown();
        });
        Session sender = session();
        MessageProducer p = sender.createProducer(q);
        for (int i = 0; i < 10; i++) {
            p.send(sender.createTextMessage("m" + i));
        }
        assertThat(all.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    @SpecSection("6.2.10 Message acknowledgment")
    void dupsOkContextReceivesEveryMessage() {
        JMSContext ctx = context(JMSContext.DUPS_OK_ACKNOWLEDGE);
        Queue q = queue();
        for (int i = 0; i < 5; i++) {
            ctx.createProducer().send(q, "m" + i);
        }
        JMSConsumer c = ctx.createConsumer(q);
        for (int i = 0; i < 5; i++) {
            assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("m" + i);
        }
        assertThat(c.receiveNoWait()).isNull();
    }
}
