package dev.ferrymq.client;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class FerryMessageConsumerTest {

    private final FakeBrokers brokers = new FakeBrokers();
    private Connection connection;
    private Session session;
    private Queue queue;
    private MessageProducer producer;

    @BeforeEach
    void open() throws JMSException {
        connection = brokers.factory("prefetch=4").createConnection();
        session = connection.createSession();
        queue = session.createQueue("q");
        producer = session.createProducer(queue);
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private void send(String... texts) throws JMSException {
        for (String t : texts) {
            producer.send(session.createTextMessage(t));
        }
    }

    private static String text(Message m) throws JMSException {
        return m == null ? null : ((TextMessage) m).getText();
    }

    @Test
    @DisplayName("8.5 Receiving messages synchronously: receive, receive(timeout), receiveNoWait; credit keeps flowing")
    void receiveVariants() throws JMSException {
        MessageConsumer c = session.createConsumer(queue);
        connection.start();
        assertThat(c.receiveNoWait()).isNull();
        assertThat(c.receive(50)).isNull();
        for (int i = 0; i < 20; i++) {
            send("m" + i);
        }
        for (int i = 0; i < 20; i++) {
            Message m = i % 3 == 0 ? c.receive() : i % 3 == 1 ? c.receive(5000) : c.receive(0);
            assertThat(text(m)).isEqualTo("m" + i);
            assertThat(m.getJMSRedelivered()).isFalse();
        }
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(20);
        assertThat(brokers.broker.creditGranted.get()).isGreaterThanOrEqualTo(16);
    }

    @Test
    @DisplayName("6.1.4 Starting a connection: nothing is received before start; a stopped receive times out")
    void stoppedConnection() throws Exception {
        MessageConsumer c = session.createConsumer(queue);
        send("a");
        assertThat(c.receiveNoWait()).isNull();
        assertThat(c.receive(100)).isNull();
        BlockingQueue<Message> got = new ArrayBlockingQueue<>(1);
        Thread receiver = Threads.start("receiver", () -> {
            try {
                got.add(c.receive());
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        Threads.awaitBlocked(receiver);
        assertThat(got).isEmpty();
        connection.start();
        assertThat(text(got.poll(10, TimeUnit.SECONDS))).isEqualTo("a");
    }

    @Test
    @DisplayName("8.8 Closing a consumer: a receive blocked in another thread returns null, close waits for it")
    void closeUnblocksReceive() throws Exception {
        MessageConsumer c = session.createConsumer(queue);
        connection.start();
        AtomicReference<Object> result = new AtomicReference<>("pending");
        Thread receiver = Threads.start("receiver", () -> {
            try {
                result.set(c.receive());
            } catch (JMSException e) {
                result.set(e);
            }
        });
        Threads.awaitBlocked(receiver);
        c.close();
        receiver.join(10_000);
        assertThat(result.get()).isNull();
    }

    @Test
    @DisplayName("6.1.8 Closing a connection: a pending receive returns null")
    void connectionCloseUnblocksReceive() throws Exception {
        MessageConsumer c = session.createConsumer(queue);
        connection.start();
        AtomicReference<Object> result = new AtomicReference<>("pending");
        Thread receiver = Threads.start("receiver", () -> {
            try {
                result.set(c.receive());
            } catch (JMSException e) {
                result.set(e);
            }
        });
        Threads.awaitBlocked(receiver);
        connection.close();
        receiver.join(10_000);
        assertThat(result.get()).isNull();
    }

    @Test
    @DisplayName("3.4.9 JMSExpiration: an expired message that reaches the consumer is dropped, not handed out")
    void expiredDropped() throws JMSException {
        MessageData expired = MessageData.builder().destination(DestinationRef.queue("q")).messageId("ID:old")
                .expiration(1).body(BodyType.TEXT, "old").build();
        brokers.broker.enqueue("q", expired);
        send("fresh");
        MessageConsumer c = session.createConsumer(queue);
        connection.start();
        assertThat(text(c.receive(5000))).isEqualTo("fresh");
        assertThat(c.receiveNoWait()).isNull();
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("6.2.13 Serial execution of client code: a session's listeners never run concurrently")
    void listenersSerialPerSession() throws Exception {
        Queue q2 = session.createQueue("q2");
        MessageProducer p2 = session.createProducer(q2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(40);
        jakarta.jms.MessageListener l = m -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            Thread.yield();
            running.decrementAndGet();
            all.countDown();
        };
        session.createConsumer(queue).setMessageListener(l);
        session.createConsumer(q2).setMessageListener(l);
        Session sender = connection.createSession();
        MessageProducer s1 = sender.createProducer(queue);
        MessageProducer s2 = sender.createProducer(q2);
        connection.start();
        for (int i = 0; i < 20; i++) {
            s1.send(sender.createTextMessage("a"));
            s2.send(sender.createTextMessage("b"));
        }
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps.get()).isZero();
        p2.close();
    }

    @Test
    @DisplayName("6.2.5 Threading restrictions on a session: receive is refused while the session has listeners")
    void noSyncReceiveWithListener() throws JMSException {
        MessageConsumer withListener = session.createConsumer(queue);
        MessageConsumer other = session.createConsumer(session.createQueue("other"));
        withListener.setMessageListener(m -> { });
        assertThatThrownBy(other::receiveNoWait).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> withListener.receive(1)).isInstanceOf(IllegalStateException.class);
        withListener.setMessageListener(null);
        assertThat(other.receiveNoWait()).isNull();
    }

    @Test
    @DisplayName("6.1.5 Pausing delivery: stop waits for running listeners and delivers nothing until start")
    void stopWaitsForListener() throws Exception {
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<String> got = new ArrayBlockingQueue<>(10);
        session.createConsumer(queue).setMessageListener(m -> {
            inListener.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
                got.add(text(m));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        send("1", "2");
        connection.start();
        assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Throwable> stopError = new AtomicReference<>();
        Thread stopper = Threads.start("stopper", () -> {
            try {
                connection.stop();
            } catch (Throwable e) {
                stopError.set(e);
            }
        });
        Threads.awaitBlocked(stopper);
        assertThat(stopper.isAlive()).isTrue();
        release.countDown();
        stopper.join(10_000);
        assertThat(stopper.isAlive()).isFalse();
        assertThat(stopError.get()).isNull();
        assertThat(got.poll()).isEqualTo("1");
        assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
        connection.start();
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("2");
    }

    @Test
    @DisplayName("6.1.5/6.1.8 stop and close from a listener on its own connection throw IllegalStateException")
    void stopCloseFromListener() throws Exception {
        BlockingQueue<Object> outcomes = new ArrayBlockingQueue<>(4);
        session.createConsumer(queue).setMessageListener(m -> {
            for (Callable action : List.<Callable>of(connection::stop, connection::close)) {
                try {
                    action.call();
                    outcomes.add("returned");
                } catch (Exception e) {
                    outcomes.add(e);
                }
            }
        });
        send("x");
        connection.start();
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    }

    interface Callable {
        void call() throws Exception;
    }

    @Test
    @DisplayName("6.2.15 Closing a session: close from its own listener throws IllegalStateException, like Connection.close")
    void sessionCloseFromOwnListener() throws Exception {
        BlockingQueue<Object> outcomes = new ArrayBlockingQueue<>(4);
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                session.close();
                outcomes.add("closed");
            } catch (Exception e) {
                outcomes.add(e);
            }
        });
        send("x", "y");
        connection.start();
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).as("the session stays open: the next message arrives")
                .isInstanceOf(IllegalStateException.class);
        session.close();
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("8.8 Closing a consumer: close from its own listener is allowed and onMessage completes")
    void consumerCloseFromOwnListener() throws Exception {
        BlockingQueue<Object> outcomes = new ArrayBlockingQueue<>(4);
        AtomicReference<MessageConsumer> self = new AtomicReference<>();
        MessageConsumer c = session.createConsumer(queue);
        self.set(c);
        c.setMessageListener(m -> {
            try {
                self.get().close();
                outcomes.add(text(m));
            } catch (Exception e) {
                outcomes.add(e);
            }
        });
        send("x", "y");
        connection.start();
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isEqualTo("x");
        assertThat(outcomes.poll(100, TimeUnit.MILLISECONDS)).isNull();
        MessageConsumer next = connection.createSession().createConsumer(queue);
        assertThat(text(next.receive(5000))).isEqualTo("y");
    }

    @Test
    @DisplayName("8.7 Receiving messages asynchronously: a listener's RuntimeException in AUTO_ACKNOWLEDGE redelivers at once")
    void listenerExceptionRedelivers() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                seen.add(text(m) + ":" + m.getJMSRedelivered() + ":" + m.getIntProperty("JMSXDeliveryCount"));
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
            done.countDown();
            if (seen.size() == 1) {
                throw new RuntimeException("listener failure (expected by the test)");
            }
        });
        send("a", "b");
        connection.start();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("a:false:1", "a:true:2", "b:false:1");
    }

    @Test
    @DisplayName("8.7 Receiving messages asynchronously: in CLIENT_ACKNOWLEDGE a listener's RuntimeException moves on")
    void listenerExceptionClientAck() throws Exception {
        Session client = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        client.createConsumer(queue).setMessageListener(m -> {
            try {
                seen.add(text(m));
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
            done.countDown();
            throw new RuntimeException("listener failure (expected by the test)");
        });
        send("a", "b");
        connection.start();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    @DisplayName("8.5 Receiving messages synchronously: a negative timeout is refused")
    void negativeTimeout() throws JMSException {
        MessageConsumer c = session.createConsumer(queue);
        assertThatThrownBy(() -> c.receive(-1)).isInstanceOf(JMSException.class);
    }

    /** Runs a listener that blocks until released, then closes {@code closing} from another thread. */
    private void assertCloseWaitsForListener(Callable closing) throws Exception {
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        session.createConsumer(queue).setMessageListener(m -> {
            inListener.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        send("x");
        connection.start();
        assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread closer = Threads.start("closer", () -> {
            try {
                closing.call();
            } catch (Throwable e) {
                error.set(e);
            }
        });
        Threads.awaitBlocked(closer);
        assertThat(finished.get()).isZero();
        release.countDown();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(error.get()).isNull();
        assertThat(finished.get()).isEqualTo(1);
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("6.2.15 Closing a session: close from another thread waits for the running listener")
    void sessionCloseWaitsForListener() throws Exception {
        assertCloseWaitsForListener(session::close);
    }

    @Test
    @DisplayName("6.1.8 Closing a connection: close waits for running listeners, which keep the connection's services")
    void connectionCloseWaitsForListener() throws Exception {
        assertCloseWaitsForListener(connection::close);
    }

    @Test
    @DisplayName("8.8 Closing a consumer: close from another thread waits for its running listener")
    void consumerCloseWaitsForListener() throws Exception {
        MessageConsumer[] holder = new MessageConsumer[1];
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        holder[0] = session.createConsumer(queue);
        holder[0].setMessageListener(m -> {
            inListener.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        send("x");
        connection.start();
        assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
        Thread closer = Threads.start("closer", () -> {
            try {
                holder[0].close();
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        Threads.awaitBlocked(closer);
        assertThat(finished.get()).isZero();
        release.countDown();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(finished.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("8.6 Receiving message bodies synchronously: a body that cannot be returned leaves the message next, not redelivered")
    void receiveBodyPutsBack() throws JMSException {
        BodyReceivingConsumer c = (BodyReceivingConsumer) session.createConsumer(queue);
        connection.start();
        send("first", "second");
        assertThatThrownBy(() -> c.receiveBody(Integer.class, 5000)).isInstanceOf(jakarta.jms.MessageFormatException.class);
        assertThat(brokers.broker.acknowledged.get()).isZero();
        Message again = c.receive(5000);
        assertThat(text(again)).isEqualTo("first");
        assertThat(again.getJMSRedelivered()).isFalse();
        assertThat(c.receiveBody(String.class, -1)).isEqualTo("second");
        assertThat(c.receiveBody(String.class, -1)).isNull();
        assertThat(brokers.broker.acknowledged.get()).isEqualTo(2);
    }
}
