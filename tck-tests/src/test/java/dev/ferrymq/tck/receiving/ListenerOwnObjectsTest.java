package dev.ferrymq.tck.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * A message listener calling close or stop on its own connection, session or JMSContext. The spec
 * (6.1.5, 6.1.8, 6.2.15 and the javadoc of close/stop) allows two behaviours: the call fails with
 * IllegalStateException (IllegalStateRuntimeException for JMSContext), or it succeeds — and then the
 * object is closed (or stopped) once the listener returns, and in AUTO_ACKNOWLEDGE the current
 * message is still acknowledged. Each test accepts either branch and checks its consequences;
 * neither may hang.
 */
class ListenerOwnObjectsTest extends JmsTestBase {

    /** What the listener does on its own objects. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Runs the action in onMessage, completes with what it threw (or null) once onMessage returns. */
    private static CompletableFuture<Throwable> runInListener(MessageConsumer consumer, Action action) throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        consumer.setMessageListener(m -> {
            Throwable thrown = null;
            try {
                action.run();
            } catch (Throwable t) {
                thrown = t;
            }
            outcome.complete(thrown);
        });
        return outcome;
    }

    private void sendTo(Queue q, String text) throws Exception {
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage(text));
    }

    private static Throwable await(CompletableFuture<Throwable> outcome) throws Exception {
        return outcome.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
    }

    /** In AUTO_ACKNOWLEDGE the message whose listener closed its connection/session is not redelivered. */
    private void assertAcknowledged(Queue q) throws Exception {
        mustNotReceive(session().createConsumer(q));
    }

    @Test
    @SpecSection("6.1.8 Closing a connection")
    void connectionCloseFromItsOwnListenerFailsOrClosesAndAcknowledges() throws Exception {
        Queue q = queue();
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        CompletableFuture<Throwable> outcome = runInListener(s.createConsumer(q), c::close);
        sendTo(q, "close my connection");
        Throwable thrown = await(outcome);
        if (thrown == null) {
            assertThatThrownBy(() -> c.createSession(false, Session.AUTO_ACKNOWLEDGE))
                    .as("close succeeded, so the connection is closed").isInstanceOf(IllegalStateException.class);
            assertAcknowledged(q);
        } else {
            assertThat(thrown).isInstanceOf(IllegalStateException.class);
            assertThat(c.createSession(false, Session.AUTO_ACKNOWLEDGE)).isNotNull();
        }
    }

    @Test
    @SpecSection("6.2.15 Closing a session")
    void sessionCloseFromItsOwnListenerFailsOrClosesAndAcknowledges() throws Exception {
        Queue q = queue();
        Session s = session();
        CompletableFuture<Throwable> outcome = runInListener(s.createConsumer(q), s::close);
        sendTo(q, "close my session");
        Throwable thrown = await(outcome);
        if (thrown == null) {
            assertThatThrownBy(s::createMessage).as("close succeeded, so the session is closed")
                    .isInstanceOf(IllegalStateException.class);
            assertAcknowledged(q);
        } else {
            assertThat(thrown).isInstanceOf(IllegalStateException.class);
            assertThat(s.createMessage()).isNotNull();
        }
    }

    @Test
    @SpecSection("6.1.5 Pausing delivery of incoming messages")
    void connectionStopFromItsOwnListenerFailsOrStops() throws Exception {
        Queue q = queue();
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = s.createConsumer(q);
        CountDownLatch second = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        consumer.setMessageListener(m -> {
            if (outcome.isDone()) {
                second.countDown();
                return;
            }
            Throwable thrown = null;
            try {
                c.stop();
            } catch (Throwable t) {
                thrown = t;
            }
            outcome.complete(thrown);
        });
        sendTo(q, "stop my connection");
        Throwable thrown = await(outcome);
        sendTo(q, "after the stop");
        if (thrown == null) {
            assertThat(second.await(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS)).as("stopped: no delivery").isFalse();
            c.start();
        } else {
            assertThat(thrown).isInstanceOf(IllegalStateException.class);
        }
        assertThat(second.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).as("delivery goes on").isTrue();
    }

    @Test
    @SpecSection("6.1.8 Closing a connection")
    void contextCloseFromItsOwnListenerFailsOrClosesAndAcknowledges() throws Exception {
        Queue q = queue();
        JMSContext ctx = context();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        ctx.createConsumer(q).setMessageListener(m -> {
            Throwable thrown = null;
            try {
                ctx.close();
            } catch (Throwable t) {
                thrown = t;
            }
            outcome.complete(thrown);
        });
        sendTo(q, "close my context");
        Throwable thrown = await(outcome);
        if (thrown == null) {
            assertThatThrownBy(ctx::createMessage).as("close succeeded, so the context is closed")
                    .isInstanceOf(IllegalStateRuntimeException.class);
            assertAcknowledged(q);
        } else {
            assertThat(thrown).isInstanceOf(IllegalStateRuntimeException.class);
            assertThat(ctx.createMessage()).isNotNull();
        }
    }

    @Test
    @SpecSection("6.1.5 Pausing delivery of incoming messages")
    void contextStopFromItsOwnListenerFailsOrStops() throws Exception {
        Queue q = queue();
        JMSContext ctx = context();
        CountDownLatch second = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        ctx.createConsumer(q).setMessageListener(m -> {
            if (outcome.isDone()) {
                second.countDown();
                return;
            }
            Throwable thrown = null;
            try {
                ctx.stop();
            } catch (Throwable t) {
                thrown = t;
            }
            outcome.complete(thrown);
        });
        sendTo(q, "stop my context");
        Throwable thrown = await(outcome);
        sendTo(q, "after the stop");
        if (thrown == null) {
            assertThat(second.await(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS)).as("stopped: no delivery").isFalse();
            ctx.start();
        } else {
            assertThat(thrown).isInstanceOf(IllegalStateRuntimeException.class);
        }
        assertThat(second.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).as("delivery goes on").isTrue();
    }

    @Test
    @SpecSection("8.8 Closing a consumer")
    void consumerCloseFromItsOwnListenerSucceedsAndStopsDelivery() throws Exception {
        Queue q = queue();
        Session s = session();
        MessageConsumer consumer = s.createConsumer(q);
        CompletableFuture<Throwable> outcome = runInListener(consumer, consumer::close);
        sendTo(q, "close me");
        assertThat(await(outcome)).as("MessageConsumer.close may be called from its own listener").isNull();
        sendTo(q, "for the next consumer");
        assertThat(mustReceive(s.createConsumer(q))).isNotNull();
    }
}
