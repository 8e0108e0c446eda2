package dev.ferrymq.tck.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.ExceptionListener;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 6.1.7 ExceptionListener: the connection keeps the listener set last (null when none), and an
 * exception thrown by a Jakarta Messaging call "must not be delivered to an ExceptionListener".
 * Calling the listener needs a broken connection, which no portable test can cause; that path is
 * left to provider tests.
 */
@SpecSection("6.1.7 ExceptionListener")
class ExceptionListenerTest extends JmsTestBase {

    /** Counts the exceptions it is given. */
    static final class Recording implements ExceptionListener {
        final CountDownLatch called = new CountDownLatch(1);

        @Override
        public void onException(JMSException exception) {
            called.countDown();
        }

        boolean wasCalled() throws InterruptedException {
            return called.await(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void listenerIsReplacedAndClearedWithNull() throws Exception {
        Connection c = connection();
        ExceptionListener first = e -> { };
        ExceptionListener second = e -> { };
        c.setExceptionListener(first);
        c.setExceptionListener(second);
        assertThat(c.getExceptionListener()).isSameAs(second);
        c.setExceptionListener(null);
        assertThat(c.getExceptionListener()).isNull();
    }

    @Test
    void listenerSurvivesStartAndStop() throws Exception {
        Connection c = connection();
        ExceptionListener l = e -> { };
        c.setExceptionListener(l);
        c.start();
        c.stop();
        assertThat(c.getExceptionListener()).isSameAs(l);
    }

    @Test
    void contextKeepsItsConnectionsListener() {
        JMSContext ctx = context();
        assertThat(ctx.getExceptionListener()).isNull();
        ExceptionListener l = e -> { };
        ctx.setExceptionListener(l);
        assertThat(ctx.getExceptionListener()).isSameAs(l);
        ctx.setExceptionListener(null);
        assertThat(ctx.getExceptionListener()).isNull();
    }

    @Test
    void contextsSharingAConnectionShareItsListener() {
        JMSContext ctx = context();
        ExceptionListener l = e -> { };
        ctx.setExceptionListener(l);
        JMSContext sibling = track(ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        assertThat(sibling.getExceptionListener()).isSameAs(l);
    }

    @Test
    void exceptionsThrownByCallsAreNotDeliveredToTheListener() throws Exception {
        Connection c = startedConnection();
        Recording l = new Recording();
        c.setExceptionListener(l);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> s.createConsumer(queue(), "a = = 1")).isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.commit()).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThat(l.wasCalled()).isFalse();
    }

    @Test
    void runtimeExceptionsThrownByContextCallsAreNotDeliveredToTheListener() throws Exception {
        JMSContext ctx = context();
        Recording l = new Recording();
        ctx.setExceptionListener(l);
        assertThatThrownBy(() -> ctx.createConsumer(queue(), "a = = 1")).isInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(ctx::commit).isInstanceOf(JMSRuntimeException.class);
        assertThat(l.wasCalled()).isFalse();
    }
}
