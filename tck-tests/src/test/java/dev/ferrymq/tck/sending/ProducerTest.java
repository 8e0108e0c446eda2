package dev.ferrymq.tck.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** Chapter 7 Sending messages with MessageProducer: defaults, options, sync and async send. */
class ProducerTest extends JmsTestBase {

    /** A CompletionListener completing a future with the message or the exception. */
    static final class Completion implements CompletionListener {
        final CompletableFuture<Message> done = new CompletableFuture<>();
        volatile Thread thread;

        @Override
        public void onCompletion(Message message) {
            thread = Thread.currentThread();
            done.complete(message);
        }

        @Override
        public void onException(Message message, Exception exception) {
            done.completeExceptionally(exception);
        }
    }

    @Test
    @SpecSection("7.4 Setting message delivery options")
    void producerDefaults() throws Exception {
        MessageProducer p = session().createProducer(queue());
        assertThat(p.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(p.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(p.getTimeToLive()).isEqualTo(Message.DEFAULT_TIME_TO_LIVE);
        assertThat(p.getDeliveryDelay()).isEqualTo(Message.DEFAULT_DELIVERY_DELAY);
    }

    @Test
    @SpecSection("7.4 Setting message delivery options")
    void producerOptionsAreKept() throws Exception {
        MessageProducer p = session().createProducer(queue());
        p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        p.setPriority(8);
        p.setTimeToLive(1234);
        p.setDeliveryDelay(56);
        assertThat(p.getDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(p.getPriority()).isEqualTo(8);
        assertThat(p.getTimeToLive()).isEqualTo(1234);
        assertThat(p.getDeliveryDelay()).isEqualTo(56);
    }

    @Test
    @SpecSection("7.1 Producers")
    void producerReportsItsDestination() throws Exception {
        Queue q = queue();
        Session s = session();
        assertThat(s.createProducer(q).getDestination()).isEqualTo(q);
        assertThat(s.createProducer(null).getDestination()).isNull();
    }

    @Test
    @SpecSection("7.1 Producers")
    void unidentifiedProducerSendsToTheGivenDestination() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        s.createProducer(null).send(q, s.createTextMessage("anon"));
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("anon");
    }

    @Test
    @SpecSection("7.1 Producers")
    void unidentifiedProducerWithoutDestinationThrowsUnsupportedOperation() throws Exception {
        Session s = session();
        MessageProducer p = s.createProducer(null);
        assertThatThrownBy(() -> p.send(s.createMessage())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @SpecSection("7.1 Producers")
    void identifiedProducerWithDestinationThrowsUnsupportedOperation() throws Exception {
        Session s = session();
        MessageProducer p = s.createProducer(queue());
        Queue other = queue();
        assertThatThrownBy(() -> p.send(other, s.createMessage())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @SpecSection("7.1 Producers")
    void unidentifiedProducerWithNullDestinationThrowsInvalidDestination() throws Exception {
        Session s = session();
        MessageProducer p = s.createProducer(null);
        assertThatThrownBy(() -> p.send(null, s.createMessage())).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @SpecSection("7.2 Synchronous send")
    void persistentAndNonPersistentMessagesArrive() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        p.send(s.createTextMessage("p"), DeliveryMode.PERSISTENT, 4, 0);
        p.send(s.createTextMessage("np"), DeliveryMode.NON_PERSISTENT, 4, 0);
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("p");
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("np");
    }

    @Test
    @SpecSection("7.3 Asynchronous send")
    void completionListenerIsCalledWithTheSentMessage() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        Completion done = new Completion();
        TextMessage m = s.createTextMessage("async");
        s.createProducer(q).send(m, done);
        Message completed = done.done.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
        assertThat(completed).isSameAs(m);
        assertThat(completed.getJMSMessageID()).startsWith("ID:");
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("async");
    }

    @Test
    @SpecSection("7.3.7 Restrictions on threading ")
    void completionListenerRunsOnAnotherThread() throws Exception {
        Session s = session();
        Completion done = new Completion();
        s.createProducer(queue()).send(s.createTextMessage("async"), done);
        done.done.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
        assertThat(done.thread).isNotSameAs(Thread.currentThread());
    }

    @Test
    @SpecSection("7.3 Asynchronous send")
    void asyncSendWithOptionsAndUnidentifiedProducer() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        Completion done = new Completion();
        s.createProducer(null).send(q, s.createTextMessage("async"), DeliveryMode.NON_PERSISTENT, 6, 0, done);
        done.done.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
        Message r = mustReceive(c);
        assertThat(r.getJMSPriority()).isEqualTo(6);
        assertThat(r.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
    }

    @Test
    @SpecSection("7.3 Asynchronous send")
    void nullCompletionListenerIsRejected() throws Exception {
        Session s = session();
        MessageProducer p = s.createProducer(queue());
        assertThatThrownBy(() -> p.send(s.createMessage(), (CompletionListener) null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void closingTheProducerWaitsForIncompleteSends() throws Exception {
        Session s = session();
        MessageProducer p = s.createProducer(queue());
        Completion done = new Completion();
        p.send(s.createTextMessage("async"), done);
        p.close();
        assertThat(done.done.isDone()).isTrue();
    }

    @Test
    @SpecSection("7.8 Message time-to-live")
    void expiredMessagesAreNotDelivered() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageProducer p = s.createProducer(q);
        p.setTimeToLive(50);
        p.send(s.createTextMessage("expires"));
        p.setTimeToLive(0);
        p.send(s.createTextMessage("lives"));
        letTimePass(200);
        MessageConsumer c = s.createConsumer(q);
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("lives");
        mustNotReceive(c);
    }

    @Test
    @SpecSection("7.9 Message delivery delay")
    void deliveryDelayHoldsTheMessageBack() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(500);
        long sent = System.currentTimeMillis();
        p.send(s.createTextMessage("later"));
        mustNotReceive(c);
        Message m = mustReceive(c);
        assertThat(System.currentTimeMillis() - sent).isGreaterThanOrEqualTo(450);
        assertThat(m.getJMSDeliveryTime()).isGreaterThanOrEqualTo(m.getJMSTimestamp() + 500);
    }

    @Test
    @SpecSection("7.9 Message delivery delay")
    void delayedMessageDoesNotBlockLaterUndelayedOnes() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(2_000);
        p.send(s.createTextMessage("late"));
        p.setDeliveryDelay(0);
        p.send(s.createTextMessage("now"));
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("now");
    }

    @Test
    @SpecSection("7.7 Message delivery mode")
    void sendWithExplicitPriorityOverridesProducerDefault() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        p.setPriority(2);
        p.send(s.createMessage(), DeliveryMode.PERSISTENT, 7, 0);
        assertThat(mustReceive(c).getJMSPriority()).isEqualTo(7);
    }
}
