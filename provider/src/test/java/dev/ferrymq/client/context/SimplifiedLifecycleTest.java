package dev.ferrymq.client.context;

import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full stack: JMSContext life cycle, "Threading restrictions on a JMSContext", callback rules. */
@Timeout(30)
class SimplifiedLifecycleTest extends ContextTestSupport {

    private static Throwable thrownBy(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    @DisplayName("Simplified API: setClientID right after creation works; after an action → IllegalStateRuntimeException")
    void clientId() {
        JMSContext ctx = context();
        ctx.setClientID("client-a");
        assertThat(ctx.getClientID()).isEqualTo("client-a");
        JMSContext late = context();
        late.createProducer().send(queue(late), "x");
        assertThatThrownBy(() -> late.setClientID("client-b")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("Simplified API: a client ID already used by a running connection → InvalidClientIDRuntimeException")
    void duplicateClientId() {
        context().setClientID("same-id");
        JMSContext other = context();
        assertThatThrownBy(() -> other.setClientID("same-id")).isInstanceOf(InvalidClientIDRuntimeException.class);
    }

    @Test
    @DisplayName("Threading restrictions on a JMSContext: with autoStart off nothing is delivered until start()")
    void autoStartOff() {
        JMSContext sender = context();
        JMSContext ctx = context();
        ctx.setAutoStart(false);
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        sender.createProducer().send(q, "waiting");
        assertThat(consumer.receive(ABSENT_TIMEOUT)).isNull();
        ctx.start();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("waiting");
    }

    @Test
    @DisplayName("Simplified API interfaces: createContext shares the connection; siblings keep working after one closes")
    void siblings() {
        JMSContext first = context();
        first.setClientID("sibling-owner");
        JMSContext second = track(first.createContext(JMSContext.CLIENT_ACKNOWLEDGE));
        assertThat(second.getClientID()).isEqualTo("sibling-owner");
        assertThat(second.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue temp = first.createTemporaryQueue();
        JMSConsumer consumer = second.createConsumer(temp);
        first.close();
        second.createProducer().send(temp, "still here");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("still here");
        second.acknowledge();
    }

    @Test
    @DisplayName("Simplified API: after close the context's methods throw IllegalStateRuntimeException; close again is fine")
    void closed() {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.close();
        ctx.close();
        assertThatThrownBy(ctx::createProducer).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.createConsumer(q)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::createTextMessage).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::acknowledge).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::getClientID).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("Simplified API: bad destination and selector → the runtime exceptions the javadoc names")
    void badArguments() {
        JMSContext ctx = context();
        assertThatThrownBy(() -> ctx.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createConsumer(queue(ctx), "a = ")).isInstanceOf(InvalidSelectorRuntimeException.class);
        assertThatThrownBy(() -> factory.createContext(42)).isInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(ctx::commit).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("Simplified API: close/stop from a MessageListener on its own JMSContext → IllegalStateRuntimeException")
    void listenerRestrictions() throws Exception {
        JMSContext ctx = context(JMSContext.SESSION_TRANSACTED);
        Queue q = queue(ctx);
        CompletableFuture<List<Throwable>> outcome = new CompletableFuture<>();
        ctx.createConsumer(q).setMessageListener(m -> outcome.complete(Arrays.asList(
                thrownBy(ctx::close), thrownBy(ctx::stop), thrownBy(ctx::commit))));
        JMSContext sender = context();
        sender.createProducer().send(q, "go");
        List<Throwable> thrown = outcome.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
        assertThat(thrown.get(0)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThat(thrown.get(1)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThat(thrown.get(2)).isNull();
    }

    @Test
    @DisplayName("Simplified API: close/commit/rollback from a CompletionListener on its own JMSContext → IllegalStateRuntimeException")
    void completionRestrictions() throws Exception {
        JMSContext ctx = context(JMSContext.SESSION_TRANSACTED);
        Queue q = queue(ctx);
        CompletableFuture<List<Throwable>> outcome = new CompletableFuture<>();
        ctx.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                outcome.complete(Arrays.asList(thrownBy(ctx::close), thrownBy(ctx::commit), thrownBy(ctx::rollback)));
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.completeExceptionally(exception);
            }
        }).send(q, "async");
        assertThat(outcome.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS))
                .allSatisfy(t -> assertThat(t).isInstanceOf(IllegalStateRuntimeException.class));
        ctx.commit();
        assertThat(context().createConsumer(q).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("async");
    }

    @Test
    @DisplayName("Simplified API: transacted context — sends are visible only after commit; rollback drops them")
    void transacted() {
        JMSContext ctx = context(JMSContext.SESSION_TRANSACTED);
        Queue q = queue(ctx);
        JMSConsumer consumer = context().createConsumer(q);
        ctx.createProducer().send(q, "dropped");
        ctx.rollback();
        ctx.createProducer().send(q, "kept");
        assertThat(consumer.receive(ABSENT_TIMEOUT)).isNull();
        ctx.commit();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("kept");
        assertThat(consumer.receiveNoWait()).isNull();
    }
}
