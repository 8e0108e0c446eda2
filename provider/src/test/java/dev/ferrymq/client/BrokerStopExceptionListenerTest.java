package dev.ferrymq.client;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 6.1.8 Connection: "If a JMS provider detects a serious problem with a Connection object, it
 * informs the Connection object's ExceptionListener". Over the real in-JVM engine: stopping the
 * broker ({@link Brokers#stop}) closes the application's connection under it.
 */
@Timeout(30)
class BrokerStopExceptionListenerTest {

    private static final AtomicInteger BROKERS = new AtomicInteger();
    /** How long to wait for a second, unwanted, listener call. */
    private static final long ABSENT_MS = 300;

    private final String broker = "stop-listener-" + BROKERS.incrementAndGet();
    private final FerryConnectionFactory factory = new FerryConnectionFactory("vm://" + broker);
    private final BlockingQueue<JMSException> told = new ArrayBlockingQueue<>(16);

    @AfterEach
    void stopBroker() {
        Brokers.stop(broker);
    }

    private JMSException toldOnce() throws InterruptedException {
        JMSException e = told.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("the ExceptionListener was told").isNotNull();
        assertThat(told.poll(ABSENT_MS, TimeUnit.MILLISECONDS)).as("a second ExceptionListener call").isNull();
        return e;
    }

    private static void assertBrokerStopped(JMSException e, String broker) {
        assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + broker + "'")
                .hasMessageContaining("stopped")
                .hasMessageContaining("closed by the provider");
    }

    @Test
    @DisplayName("6.1.8 Connection: ExceptionListener is told once when the broker stops; a blocked receive returns null")
    void classicBlockedReceive() throws Exception {
        Connection c = factory.createConnection();
        c.setExceptionListener(told::add);
        c.start();
        Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue("orders");
        MessageConsumer consumer = s.createConsumer(q);
        Session other = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer onTopic = other.createConsumer(other.createTopic("news"));
        TemporaryQueue temp = other.createTemporaryQueue();
        other.createConsumer(temp);
        CompletableFuture<Message> received = Threads.blockedCall("receiver", consumer::receive);

        assertThat(Brokers.stop(broker)).isTrue();

        assertThat(received.get(10, TimeUnit.SECONDS)).isNull();
        assertBrokerStopped(toldOnce(), broker);
        assertThatThrownBy(() -> onTopic.receive(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.1.8 Connection: after the broker stopped, its connection, sessions, producers and consumers throw IllegalStateException; close still works")
    void operationsAfterFailure() throws Exception {
        Connection c = factory.createConnection();
        c.setExceptionListener(told::add);
        c.start();
        Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("orders");
        MessageProducer producer = s.createProducer(q);
        MessageConsumer consumer = s.createConsumer(q);
        producer.send(s.createTextMessage("before"));
        assertThat(consumer.receive(5000)).isNotNull();

        Brokers.stop(broker);
        assertBrokerStopped(toldOnce(), broker);

        assertThatThrownBy(c::createSession).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + broker + "' was stopped");
        assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::getClientID).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.createTextMessage("after")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.send(q, s.createMessage())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.receive(100)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::createTemporaryQueue).isInstanceOf(IllegalStateException.class);
        // Qpid JMS and Artemis: a listener set after the failure is never called for it; here the
        // connection refuses it like every other call on a closed connection.
        assertThatThrownBy(() -> c.setExceptionListener(told::add)).isInstanceOf(IllegalStateException.class);

        assertThatCode(consumer::close).doesNotThrowAnyException();
        assertThatCode(s::close).doesNotThrowAnyException();
        assertThatCode(c::close).doesNotThrowAnyException();
        assertThatCode(c::close).doesNotThrowAnyException();
        assertThat(told.poll(ABSENT_MS, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    @DisplayName("6.1.8 Connection: close right after a blocked receive returned null still leaves the listener told once")
    void closeRightAfterTheFailure() throws Exception {
        Connection c = factory.createConnection();
        c.setExceptionListener(told::add);
        c.start();
        Session s = c.createSession();
        MessageConsumer consumer = s.createConsumer(s.createQueue("orders"));
        CompletableFuture<Message> received = Threads.blockedCall("receiver", consumer::receive);
        Brokers.stop(broker);
        assertThat(received.get(10, TimeUnit.SECONDS)).isNull();
        c.close();
        assertBrokerStopped(toldOnce(), broker);
    }

    @Test
    @DisplayName("8.7 Receiving messages asynchronously: message listeners stop when the broker stops and the connection closes without hanging")
    void messageListeners() throws Exception {
        Connection c = factory.createConnection();
        c.setExceptionListener(told::add);
        Session s = c.createSession();
        Topic t = s.createTopic("news");
        BlockingQueue<Message> got = new ArrayBlockingQueue<>(16);
        s.createConsumer(t).setMessageListener(got::add);
        s.createConsumer(s.createQueue("orders")).setMessageListener(got::add);
        c.start();
        s.createProducer(t).send(s.createTextMessage("before"));
        assertThat(got.poll(5, TimeUnit.SECONDS)).isNotNull();

        Brokers.stop(broker);

        assertBrokerStopped(toldOnce(), broker);
        assertThat(got).isEmpty();
        assertThatCode(c::close).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("6.1.8 Connection: an ExceptionListener that throws is logged; the broker stops, the connection closes and a new broker of that name works")
    void throwingListener() throws Exception {
        Connection c = factory.createConnection();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch called = new CountDownLatch(1);
        c.setExceptionListener(e -> {
            calls.incrementAndGet();
            called.countDown();
            throw new IllegalArgumentException("application bug in the exception listener");
        });
        c.start();
        Session s = c.createSession();
        MessageConsumer consumer = s.createConsumer(s.createQueue("orders"));

        assertThat(Brokers.stop(broker)).isTrue();

        assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> consumer.receive(1)).isInstanceOf(IllegalStateException.class);
        assertThatCode(c::close).doesNotThrowAnyException();
        assertThat(calls).hasValue(1);
        try (Connection fresh = factory.createConnection()) {
            fresh.start();
            Session fs = fresh.createSession();
            Queue q = fs.createQueue("orders");
            fs.createProducer(q).send(fs.createTextMessage("after restart"));
            assertThat(fs.createConsumer(q).receive(5000)).isNotNull();
        }
    }

    @Test
    @DisplayName("6.1.8 Connection via JMSContext.setExceptionListener: told once when the broker stops; a blocked receive returns null, later calls throw IllegalStateRuntimeException")
    void jmsContext() throws Exception {
        JMSContext context = factory.createContext();
        context.setExceptionListener(told::add);
        JMSContext sibling = context.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = context.createQueue("orders");
        JMSConsumer consumer = context.createConsumer(q);
        sibling.createConsumer(sibling.createTopic("news"));
        CompletableFuture<Message> received = Threads.blockedCall("receiver", consumer::receive);
        Brokers.stop(broker);

        assertThat(received.get(10, TimeUnit.SECONDS)).isNull();
        assertBrokerStopped(toldOnce(), broker);
        assertThatThrownBy(() -> context.createProducer().send(q, "after"))
                .isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> consumer.receive(100)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context.setExceptionListener(told::add)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatCode(sibling::close).doesNotThrowAnyException();
        assertThatCode(context::close).doesNotThrowAnyException();
        assertThat(told.poll(ABSENT_MS, TimeUnit.MILLISECONDS)).isNull();
    }
}
