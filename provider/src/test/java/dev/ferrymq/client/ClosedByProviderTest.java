package dev.ferrymq.client;

import dev.ferrymq.spi.EngineException;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 6.1.8 Connection ("If a JMS provider detects a serious problem with a Connection object, it
 * informs the Connection object's ExceptionListener"): consumers and connections the engine closes
 * on its own, driven through the fake engine's {@code DeliverySink#onClosed} and
 * {@code ConnectionListener#onException}.
 */
@Timeout(30)
class ClosedByProviderTest {

    private static final long ABSENT_MS = 300;

    private final FakeBrokers brokers = new FakeBrokers();
    private final BlockingQueue<JMSException> told = new ArrayBlockingQueue<>(16);
    private Connection connection;

    private Connection connect() throws JMSException {
        connection = brokers.factory().createConnection();
        connection.setExceptionListener(told::add);
        connection.start();
        return connection;
    }

    @AfterEach
    void close() throws JMSException {
        if (connection != null) {
            connection.close();
        }
    }

    private JMSException toldOnce() throws InterruptedException {
        JMSException e = told.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("the ExceptionListener was told").isNotNull();
        assertThat(told.poll(ABSENT_MS, TimeUnit.MILLISECONDS)).as("a second ExceptionListener call").isNull();
        return e;
    }

    private static CompletableFuture<Message> receiveInBackground(MessageConsumer consumer) {
        return Threads.blockedCall("receiver", consumer::receive);
    }

    @Test
    @DisplayName("6.1.8 Connection / 6.2.12 temporary destinations: a consumer whose temporary queue the provider deleted: "
            + "its blocked receive returns null, the ExceptionListener is told once naming the queue, the connection stays usable")
    void temporaryQueueDeleted() throws Exception {
        Connection c = connect();
        Session s = c.createSession();
        TemporaryQueue temp = s.createTemporaryQueue();
        MessageConsumer consumer = s.createConsumer(temp);
        CompletableFuture<Message> received = receiveInBackground(consumer);

        brokers.broker.closeConsumers(temp.getQueueName(), EngineException.invalidDestination("it was deleted"));

        assertThat(received.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(toldOnce()).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining(temp.getQueueName())
                .hasMessageContaining("closed by the provider")
                .hasMessageContaining("it was deleted");
        assertThat(consumer.receive(1)).isNull();
        Queue q = s.createQueue("still-works");
        s.createProducer(q).send(s.createTextMessage("hello"));
        assertThat(((TextMessage) s.createConsumer(q).receive(5000)).getText()).isEqualTo("hello");
        assertThatCode(consumer::close).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("8.7 Receiving messages asynchronously: a listener's consumer closed by the provider stops receiving, "
            + "the session's other listener goes on and the session closes without hanging")
    void listenerConsumerClosed() throws Exception {
        Connection c = connect();
        Session s = c.createSession();
        Queue gone = s.createQueue("gone");
        Queue kept = s.createQueue("kept");
        BlockingQueue<String> fromGone = new ArrayBlockingQueue<>(4);
        BlockingQueue<String> fromKept = new ArrayBlockingQueue<>(4);
        s.createConsumer(gone).setMessageListener(m -> fromGone.add("m"));
        s.createConsumer(kept).setMessageListener(m -> fromKept.add("m"));

        brokers.broker.closeConsumers("gone", EngineException.invalidDestination("its subscription was removed"));

        assertThat(toldOnce()).hasMessageContaining("gone").hasMessageContaining("closed by the provider");
        Session sender = c.createSession();
        sender.createProducer(gone).send(sender.createTextMessage("lost"));
        sender.createProducer(kept).send(sender.createTextMessage("kept"));
        assertThat(fromKept.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(fromGone.poll(ABSENT_MS, TimeUnit.MILLISECONDS)).isNull();
        assertThatCode(s::close).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "consumers told first: {0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("6.1.8 Connection: a broker stop reaching the consumers and the connection tells the ExceptionListener once, "
            + "whichever comes first, and closes the connection")
    void brokerStopToldOnce(boolean consumersFirst) throws Exception {
        Connection c = connect();
        Session s = c.createSession();
        MessageConsumer consumer = s.createConsumer(s.createQueue("a"));
        s.createConsumer(s.createQueue("b"));
        s.createConsumer(s.createTopic("t"));
        CompletableFuture<Message> received = receiveInBackground(consumer);

        brokers.broker.stop(consumersFirst);

        assertThat(received.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(toldOnce()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed by the provider")
                .hasMessageContaining("'" + brokers.name + "' was stopped");
        assertThatThrownBy(c::createSession).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.receive(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.1.8 Connection: an ExceptionListener that throws is logged and keeps being told of later failures")
    void throwingListenerKeepsWorking() throws Exception {
        Connection c = connect();
        c.setExceptionListener(e -> {
            told.add(e);
            throw new ListenerBug("application bug");
        });
        Session s = c.createSession();
        s.createConsumer(s.createQueue("first"));
        s.createConsumer(s.createQueue("second"));

        brokers.broker.closeConsumers("first", EngineException.invalidDestination("deleted"));
        assertThat(told.poll(10, TimeUnit.SECONDS)).hasMessageContaining("first");
        brokers.broker.closeConsumers("second", EngineException.invalidDestination("deleted"));
        assertThat(told.poll(10, TimeUnit.SECONDS)).hasMessageContaining("second");
        Queue q = s.createQueue("third");
        s.createProducer(q).send(s.createTextMessage("still fine"));
        assertThat(s.createConsumer(q).receive(5000)).isNotNull();
    }

    @Test
    @DisplayName("6.1.8 Connection: a close right after the provider closed the connection still lets the listener be told")
    void closeDoesNotDropTheReport() throws Exception {
        Connection c = connect();
        CountDownLatch release = new CountDownLatch(1);
        c.setExceptionListener(e -> {
            told.add(e);
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        brokers.broker.failConnections("a report the listener is still busy with");
        assertThat(told.poll(10, TimeUnit.SECONDS)).isNotNull();

        brokers.broker.stop(true);
        c.close();
        release.countDown();

        assertThat(told.poll(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed by the provider");
    }

    @Test
    @DisplayName("6.1.8 Connection: a failure that is not a close (GENERAL) is reported and leaves the connection open")
    void nonFatalReport() throws Exception {
        Connection c = connect();
        brokers.broker.failConnections("message m1 was redelivered after the acknowledgement timeout");
        assertThat(toldOnce()).isNotInstanceOf(IllegalStateException.class);
        Session s = c.createSession();
        Queue q = s.createQueue("q");
        s.createProducer(q).send(s.createTextMessage("after"));
        assertThat(s.createConsumer(q).receive(5000)).isNotNull();
    }

    /** What a buggy listener throws. */
    private static final class ListenerBug extends RuntimeException {
        ListenerBug(String message) {
            super(message);
        }
    }
}
