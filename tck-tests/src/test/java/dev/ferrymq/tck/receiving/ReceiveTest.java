package dev.ferrymq.tck.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** Chapter 8 Receiving messages with MessageConsumer: receive variants, listeners, close. */
class ReceiveTest extends JmsTestBase {

    private static CompletableFuture<Message> receiveAsync(MessageConsumer c) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return c.receive();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @SpecSection("8.5 Receiving messages synchronously")
    void receiveBlocksUntilAMessageArrives() throws Exception {
        Session s = session();
        Queue q = queue();
        CompletableFuture<Message> pending = receiveAsync(s.createConsumer(q));
        assertThatThrownBy(() -> pending.get(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("wake"));
        assertThat(((TextMessage) pending.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).getText()).isEqualTo("wake");
    }

    @Test
    @SpecSection("8.5 Receiving messages synchronously")
    void receiveWithTimeoutReturnsNullWhenNothingArrives() throws Exception {
        MessageConsumer c = session().createConsumer(queue());
        long start = System.nanoTime();
        assertThat(c.receive(200)).isNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(150);
    }

    @Test
    @SpecSection("8.5 Receiving messages synchronously")
    void receiveNoWaitReturnsNullOnAnEmptyQueue() throws Exception {
        assertThat(session().createConsumer(queue()).receiveNoWait()).isNull();
    }

    @Test
    @SpecSection("8.5 Receiving messages synchronously")
    void receiveWithTimeoutReturnsAMessageThatArrives() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        s.createProducer(q).send(s.createTextMessage("x"));
        assertThat(c.receive(RECEIVE_TIMEOUT)).isNotNull();
    }

    @Test
    @SpecSection("8.5 Receiving messages synchronously")
    void receiveWithZeroTimeoutBlocksLikeReceive() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        CompletableFuture<Message> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return c.receive(0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> pending.get(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("wake"));
        assertThat(pending.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isNotNull();
    }

    @Test
    @SpecSection("8.7 Receiving messages asynchronously")
    void listenerReceivesMessages() throws Exception {
        Session s = session();
        Queue q = queue();
        LinkedBlockingQueue<Message> got = new LinkedBlockingQueue<>();
        MessageConsumer c = s.createConsumer(q);
        MessageListener l = got::add;
        c.setMessageListener(l);
        assertThat(c.getMessageListener()).isSameAs(l);
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("async"));
        assertThat(((TextMessage) got.poll(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).getText()).isEqualTo("async");
    }

    @Test
    @SpecSection("8.7 Receiving messages asynchronously")
    void listenerGetsMessagesInOrder() throws Exception {
        Session s = session();
        Queue q = queue();
        LinkedBlockingQueue<Message> got = new LinkedBlockingQueue<>();
        s.createConsumer(q).setMessageListener(got::add);
        Session sender = session();
        for (int i = 0; i < 5; i++) {
            sender.createProducer(q).send(sender.createTextMessage("m" + i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(((TextMessage) got.poll(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).getText()).isEqualTo("m" + i);
        }
    }

    @Test
    @SpecSection("8.7 Receiving messages asynchronously")
    void listenerRuntimeExceptionInAutoAckCausesRedelivery() throws Exception {
        Session s = session();
        Queue q = queue();
        LinkedBlockingQueue<Message> got = new LinkedBlockingQueue<>();
        s.createConsumer(q).setMessageListener(m -> {
            got.add(m);
            try {
                if (!m.getJMSRedelivered()) {
                    throw new IllegalStateException("listener failure, provoked by the test");
                }
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("retry"));
        Message first = got.poll(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
        Message second = got.poll(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(second.getJMSRedelivered()).isTrue();
    }

    @Test
    @SpecSection("8.7 Receiving messages asynchronously")
    void removingTheListenerStopsAsyncDelivery() throws Exception {
        Session s = session();
        Queue q = queue();
        CountDownLatch got = new CountDownLatch(1);
        MessageConsumer c = s.createConsumer(q);
        c.setMessageListener(m -> got.countDown());
        c.setMessageListener(null);
        assertThat(c.getMessageListener()).isNull();
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("sync"));
        assertThat(got.await(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    @SpecSection("8.8 Closing a consumer")
    void closeReturnsABlockedReceiveWithNull() throws Exception {
        MessageConsumer c = session().createConsumer(queue());
        CompletableFuture<Message> pending = receiveAsync(c);
        assertThatThrownBy(() -> pending.get(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        c.close();
        assertThat(pending.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    @SpecSection("8.8 Closing a consumer")
    void closingAConsumerLeavesUndeliveredMessagesOnTheQueue() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        s.createProducer(q).send(s.createTextMessage("a"));
        s.createProducer(q).send(s.createTextMessage("b"));
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("a");
        c.close();
        assertThat(((TextMessage) mustReceive(s.createConsumer(q))).getText()).isEqualTo("b");
    }

    @Test
    @SpecSection("8.8 Closing a consumer")
    void closingAConsumerDoesNotAffectClientAcknowledgement() throws Exception {
        Session s = session(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        s.createProducer(q).send(s.createTextMessage("a"));
        Message m = mustReceive(c);
        c.close();
        m.acknowledge();
        s.recover();
        mustNotReceive(s.createConsumer(q));
    }

    @Test
    @SpecSection("8.8 Closing a consumer")
    void closeFromTheListenerLetsOnMessageComplete() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        CountDownLatch completed = new CountDownLatch(1);
        c.setMessageListener(m -> {
            try {
                c.close();
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
            completed.countDown();
        });
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("close me"));
        assertThat(completed.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
    }
}
