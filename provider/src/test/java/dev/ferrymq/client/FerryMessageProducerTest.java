package dev.ferrymq.client;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class FerryMessageProducerTest {

    private final FakeBrokers brokers = new FakeBrokers();
    private Connection connection;
    private Session session;
    private Queue queue;

    @BeforeEach
    void open() throws JMSException {
        connection = brokers.factory().createConnection();
        session = connection.createSession();
        queue = session.createQueue("q");
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    @Test
    @DisplayName("3.4.11 How message header values are set: send sets the provider headers on the sender's message")
    void headersOnSentMessage() throws JMSException {
        MessageProducer p = session.createProducer(queue);
        p.setPriority(7);
        p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        p.setTimeToLive(60_000);
        p.setDeliveryDelay(1_000);
        TextMessage m = session.createTextMessage("hi");
        m.setJMSMessageID("ID:ignored");
        long before = System.currentTimeMillis();
        p.send(m);
        long after = System.currentTimeMillis();
        assertThat(m.getJMSDestination()).isEqualTo(queue);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(7);
        assertThat(m.getJMSTimestamp()).isBetween(before, after);
        assertThat(m.getJMSExpiration()).isEqualTo(m.getJMSTimestamp() + 60_000);
        assertThat(m.getJMSDeliveryTime()).isEqualTo(m.getJMSTimestamp() + 1_000);
        assertThat(m.getJMSMessageID()).startsWith("ID:").isNotEqualTo("ID:ignored");
    }

    @Test
    @DisplayName("3.4.9 JMSExpiration and 7.8 Message time-to-live: TTL 0 gives expiration 0; send arguments override the producer")
    void sendArgumentsOverride() throws JMSException {
        MessageProducer p = session.createProducer(queue);
        Message m = session.createMessage();
        p.send(m, DeliveryMode.PERSISTENT, 2, 0);
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(m.getJMSPriority()).isEqualTo(2);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(m.getJMSDeliveryTime()).isEqualTo(m.getJMSTimestamp());
    }

    @Test
    @DisplayName("3.4.3 JMSMessageID / 3.4.4 JMSTimestamp: disabled IDs are null, disabled timestamps 0; IDs are unique")
    void disabledIdAndTimestamp() throws JMSException {
        MessageProducer p = session.createProducer(queue);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Message m = session.createMessage();
            p.send(m);
            ids.add(m.getJMSMessageID());
        }
        assertThat(ids).hasSize(100);
        p.setDisableMessageID(true);
        p.setDisableMessageTimestamp(true);
        assertThat(p.getDisableMessageID()).isTrue();
        Message m = session.createMessage();
        p.send(m);
        assertThat(m.getJMSMessageID()).isNull();
        assertThat(m.getJMSTimestamp()).isZero();
    }

    @Test
    @DisplayName("7.2 Synchronous send: bad priority, delivery mode or null message are refused")
    void validation() throws JMSException {
        MessageProducer p = session.createProducer(queue);
        assertThatThrownBy(() -> p.setPriority(10)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> p.setDeliveryMode(0)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> p.send(session.createMessage(), DeliveryMode.PERSISTENT, -1, 0)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> p.send(session.createMessage(), 3, 4, 0)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> p.send(null)).isInstanceOf(MessageFormatException.class);
        assertThat(p.getPriority()).isEqualTo(4);
        assertThat(p.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
    }

    @Test
    @DisplayName("7.1 Producers: destination rules for identified and anonymous producers")
    void destinationRules() throws JMSException {
        MessageProducer identified = session.createProducer(queue);
        Message m = session.createMessage();
        assertThatThrownBy(() -> identified.send(queue, m)).isInstanceOf(UnsupportedOperationException.class);
        MessageProducer anonymous = session.createProducer(null);
        assertThat(anonymous.getDestination()).isNull();
        assertThatThrownBy(() -> anonymous.send(m)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> anonymous.send(null, m)).isInstanceOf(InvalidDestinationException.class);
        anonymous.send(queue, m);
        assertThat(m.getJMSDestination()).isEqualTo(queue);
        assertThat(brokers.broker.queueDepth("q")).isEqualTo(1);
    }

    /** Records completion callbacks: which message, which thread, in which order. */
    private static final class Recorder implements CompletionListener {
        final List<Message> completed = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final BlockingQueue<Exception> failures = new ArrayBlockingQueue<>(10);
        final CountDownLatch done;

        Recorder(int expected) {
            done = new CountDownLatch(expected);
        }

        @Override
        public void onCompletion(Message message) {
            completed.add(message);
            threads.add(Thread.currentThread());
            done.countDown();
        }

        @Override
        public void onException(Message message, Exception exception) {
            failures.add(exception);
            threads.add(Thread.currentThread());
            done.countDown();
        }
    }

    @Test
    @DisplayName("7.3.8 Use of the CompletionListener: callbacks in send order, never on the sending thread")
    void asyncOrderAndThread() throws Exception {
        MessageProducer p = session.createProducer(queue);
        brokers.broker.holdSends();
        Recorder r = new Recorder(5);
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Message m = session.createTextMessage("m" + i);
            sent.add(m);
            p.send(m, r);
        }
        assertThat(brokers.broker.heldSends()).isEqualTo(5);
        assertThat(r.completed).isEmpty();
        brokers.broker.releaseHeldSendsInReverse();
        assertThat(r.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(r.completed).containsExactlyElementsOf(sent);
        assertThat(r.threads).doesNotContain(Thread.currentThread());
    }

    @Test
    @DisplayName("7.3.8 Use of the CompletionListener: an engine that completes at once still calls back on another thread")
    void asyncImmediateCompletion() throws Exception {
        MessageProducer p = session.createProducer(queue);
        Recorder r = new Recorder(1);
        Message m = session.createMessage();
        p.send(m, r);
        assertThat(r.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(r.threads).doesNotContain(Thread.currentThread());
        assertThat(m.getJMSMessageID()).isNotNull();
    }

    @Test
    @DisplayName("7.3.4 Exceptions: a failed asynchronous send calls onException")
    void asyncFailure() throws Exception {
        TemporaryQueue tq = session.createTemporaryQueue();
        tq.delete();
        MessageProducer p = session.createProducer(null);
        Recorder r = new Recorder(1);
        p.send(tq, session.createMessage(), r);
        assertThat(r.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(r.failures.poll()).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> p.send(tq, session.createMessage())).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> p.send(queue, session.createMessage(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("7.3.6 Close, commit or rollback: close from a CompletionListener throws IllegalStateException")
    void closeFromCallback() throws Exception {
        Session tx = connection.createSession(Session.SESSION_TRANSACTED);
        MessageProducer p = tx.createProducer(queue);
        AtomicReference<List<Exception>> seen = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        p.send(tx.createMessage(), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                List<Exception> errors = new ArrayList<>();
                for (ThrowingRunnable action : List.<ThrowingRunnable>of(p::close, tx::close, tx::commit, tx::rollback,
                        connection::close)) {
                    try {
                        action.run();
                    } catch (Exception e) {
                        errors.add(e);
                    }
                }
                seen.set(errors);
                done.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                done.countDown();
            }
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.get()).hasSize(5).allMatch(e -> e instanceof IllegalStateException);
        tx.commit();
        assertThat(brokers.broker.queueDepth("q")).isEqualTo(1);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    @DisplayName("7.3.6 Close, commit or rollback: producer close waits for outstanding asynchronous sends")
    void closeWaitsForAsyncSends() throws Exception {
        MessageProducer p = session.createProducer(queue);
        brokers.broker.holdSends();
        Recorder r = new Recorder(3);
        for (int i = 0; i < 3; i++) {
            p.send(session.createMessage(), r);
        }
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread closer = Threads.start("closer", () -> {
            try {
                p.close();
            } catch (Throwable e) {
                errors.add(e);
            }
        });
        Threads.awaitBlocked(closer);
        assertThat(r.completed).isEmpty();
        brokers.broker.releaseHeldSendsInReverse();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(errors).isEmpty();
        assertThat(r.completed).hasSize(3);
    }

    @Test
    @DisplayName("2.14 Multi-threading: concurrent misuse of one session by two sending threads loses no message")
    void concurrentMisuse() throws Exception {
        MessageProducer p = session.createProducer(queue);
        int perThread = 500;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 2; t++) {
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        p.send(session.createTextMessage("x"));
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(errors).isEmpty();
        assertThat(brokers.broker.queueDepth("q")).isEqualTo(2 * perThread);
        Set<String> ids = new HashSet<>();
        connection.start();
        MessageConsumer c = session.createConsumer(queue);
        for (Message m; (m = c.receive(1000)) != null; ) {
            ids.add(m.getJMSMessageID());
        }
        assertThat(ids).hasSize(2 * perThread);
    }
}
