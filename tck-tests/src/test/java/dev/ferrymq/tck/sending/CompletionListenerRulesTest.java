package dev.ferrymq.tck.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 7.3.4 Close, commit or rollback: "A CompletionListener callback method must not call close on its
 * own producer, session (including JMSContext) or connection or call commit or rollback on its own
 * session. Doing so will cause the close, commit or rollback to throw an IllegalStateException or
 * IllegalStateRuntimeException"; and 7.3.8: callbacks come in send order, never on the sending thread.
 */
class CompletionListenerRulesTest extends JmsTestBase {

    /** What the callback does on its own objects. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Runs the action in onCompletion and completes with what it threw (or null). */
    static final class CallingListener implements CompletionListener {
        final CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        private final Action action;

        CallingListener(Action action) {
            this.action = action;
        }

        @Override
        public void onCompletion(Message message) {
            try {
                action.run();
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        }

        @Override
        public void onException(Message message, Exception exception) {
            thrown.completeExceptionally(exception);
        }

        Throwable await() throws Exception {
            return thrown.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
        }
    }

    private Throwable classicCallback(boolean transacted, ActionFactory factory) throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(queue());
        CallingListener l = new CallingListener(factory.of(c, s, p));
        p.send(s.createTextMessage("async"), l);
        return l.await();
    }

    /** Builds the callback's action from the objects of the send. */
    interface ActionFactory {
        Action of(Connection c, Session s, MessageProducer p);
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void closingItsOwnProducerFromTheCallbackThrows() throws Exception {
        assertThat(classicCallback(false, (c, s, p) -> p::close)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void closingItsOwnSessionFromTheCallbackThrows() throws Exception {
        assertThat(classicCallback(false, (c, s, p) -> s::close)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void closingItsOwnConnectionFromTheCallbackThrows() throws Exception {
        assertThat(classicCallback(false, (c, s, p) -> c::close)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void committingItsOwnSessionFromTheCallbackThrows() throws Exception {
        assertThat(classicCallback(true, (c, s, p) -> s::commit)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void rollingBackItsOwnSessionFromTheCallbackThrows() throws Exception {
        assertThat(classicCallback(true, (c, s, p) -> s::rollback)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void theObjectsStayUsableAfterTheRefusedClose() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue();
        MessageProducer p = s.createProducer(q);
        CallingListener l = new CallingListener(p::close);
        p.send(s.createTextMessage("first"), l);
        assertThat(l.await()).isInstanceOf(IllegalStateException.class);
        p.send(s.createTextMessage("second"));
        assertThat(mustReceive(s.createConsumer(q))).isNotNull();
    }

    private Throwable contextCallback(int mode, java.util.function.Function<JMSContext, Action> action) throws Exception {
        JMSContext ctx = context(mode);
        CallingListener l = new CallingListener(action.apply(ctx));
        ctx.createProducer().setAsync(l).send(queue(), "async");
        return l.await();
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void closingItsOwnContextFromTheCallbackThrows() throws Exception {
        assertThat(contextCallback(JMSContext.AUTO_ACKNOWLEDGE, ctx -> ctx::close))
                .isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void committingItsOwnContextFromTheCallbackThrows() throws Exception {
        assertThat(contextCallback(JMSContext.SESSION_TRANSACTED, ctx -> ctx::commit))
                .isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void rollingBackItsOwnContextFromTheCallbackThrows() throws Exception {
        assertThat(contextCallback(JMSContext.SESSION_TRANSACTED, ctx -> ctx::rollback))
                .isInstanceOf(IllegalStateRuntimeException.class);
    }

    /** 7.3.4 forbids only close, commit and rollback; 6.1.5 forbids stop only from a message listener. */
    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void stoppingItsOwnConnectionFromTheCallbackIsAllowed() throws Exception {
        assertThat(classicCallback(false, (c, s, p) -> c::stop)).isNull();
    }

    @Test
    @SpecSection("7.3.4 Close, commit or rollback")
    void stoppingItsOwnContextFromTheCallbackIsAllowed() throws Exception {
        assertThat(contextCallback(JMSContext.AUTO_ACKNOWLEDGE, ctx -> ctx::stop)).isNull();
    }

    @Test
    @SpecSection("7.3.8 Use of the CompletionListener by the Jakarta Messaging provider")
    void callbacksComeInSendOrderOffTheSendingThread() throws Exception {
        Session s = session();
        MessageProducer p = s.createProducer(queue());
        int n = 20;
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            p.send(s.createTextMessage("m" + i), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    threads.add(Thread.currentThread());
                    order.add(index);
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(i);
        }
        assertThat(order).isEqualTo(expected);
        assertThat(threads).doesNotContain(Thread.currentThread());
    }

    @Test
    @SpecSection("7.3.8 Use of the CompletionListener by the Jakarta Messaging provider")
    void contextCallbacksComeInSendOrder() throws Exception {
        JMSContext ctx = context();
        Queue q = queue();
        int n = 20;
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            ctx.createProducer().setAsync(new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    order.add(index);
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    done.countDown();
                }
            }).send(q, "m" + i);
        }
        assertThat(done.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(order).isSorted().hasSize(n);
    }
}
