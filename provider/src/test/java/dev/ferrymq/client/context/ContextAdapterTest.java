package dev.ferrymq.client.context;

import dev.ferrymq.client.context.FakeJms.FakeConnection;
import dev.ferrymq.client.context.FakeJms.FakeConsumer;
import dev.ferrymq.client.context.FakeJms.FakeProducer;
import dev.ferrymq.client.context.FakeJms.FakeSession;
import dev.ferrymq.client.context.FakeJms.Send;
import dev.ferrymq.client.destination.FerryQueue;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simplified API's adapters over hand-written fakes of the classic API ({@link FakeJms}):
 * what they hand down, and the rules they enforce themselves.
 */
@Timeout(20)
class ContextAdapterTest {

    private final FakeConnection connection = new FakeConnection();
    private final Queue queue = new FerryQueue("q");

    private JMSContext open(int mode) {
        return FerryContext.open(connection, mode);
    }

    private FakeSession onlySession() {
        assertThat(connection.sessions).hasSize(1);
        return connection.sessions.get(0);
    }

    private static Throwable thrownBy(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    @DisplayName("Simplified API interfaces: an invalid session mode → JMSRuntimeException, the owned connection is closed")
    void invalidMode() {
        assertThatThrownBy(() -> open(7)).isInstanceOf(JMSRuntimeException.class).hasMessageContaining("7");
        assertThat(connection.closes.get()).isEqualTo(1);
        JMSContext ctx = open(JMSContext.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> ctx.createContext(-5)).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    @DisplayName("Simplified API interfaces: the session is created on first need, with the context's mode, once")
    void lazySession() {
        JMSContext ctx = open(JMSContext.DUPS_OK_ACKNOWLEDGE);
        JMSProducer p = ctx.createProducer();
        assertThat(connection.sessions).isEmpty();
        assertThat(ctx.getSessionMode()).isEqualTo(JMSContext.DUPS_OK_ACKNOWLEDGE);
        assertThat(ctx.getTransacted()).isFalse();
        p.send(queue, "a");
        ctx.createProducer().send(queue, "b");
        FakeSession s = onlySession();
        assertThat(s.mode).isEqualTo(JMSContext.DUPS_OK_ACKNOWLEDGE);
        assertThat(s.producers).hasSize(1);
        assertThat(s.producers.get(0).destination).isNull();
        assertThat(s.producers.get(0).sends).hasSize(2);
    }

    @Test
    @DisplayName("JMSProducer method chaining: options, headers and properties go with each send")
    void perSendOptions() throws Exception {
        JMSContext ctx = open(JMSContext.AUTO_ACKNOWLEDGE);
        Queue replyTo = new FerryQueue("replies");
        JMSProducer special = ctx.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setPriority(9)
                .setTimeToLive(1234).setDeliveryDelay(50).setDisableMessageID(true).setDisableMessageTimestamp(true)
                .setJMSCorrelationID("c").setJMSType("t").setJMSReplyTo(replyTo).setProperty("p", 3);
        special.send(queue, "special");
        ctx.createProducer().send(queue, "plain");
        List<Send> sends = onlySession().producers.get(0).sends;
        Send first = sends.get(0);
        assertThat(first).extracting(Send::destination, Send::deliveryMode, Send::priority, Send::timeToLive,
                        Send::deliveryDelay, Send::disableMessageID, Send::disableMessageTimestamp)
                .containsExactly(queue, DeliveryMode.NON_PERSISTENT, 9, 1234L, 50L, true, true);
        assertThat(first.message().getJMSCorrelationID()).isEqualTo("c");
        assertThat(first.message().getJMSType()).isEqualTo("t");
        assertThat(first.message().getJMSReplyTo()).isEqualTo(replyTo);
        assertThat(first.message().getObjectProperty("p")).isEqualTo(3);
        Send second = sends.get(1);
        assertThat(second).extracting(Send::deliveryMode, Send::priority, Send::timeToLive, Send::deliveryDelay,
                        Send::disableMessageID, Send::disableMessageTimestamp)
                .containsExactly(DeliveryMode.PERSISTENT, 4, 0L, 0L, false, false);
        assertThat(second.message().getJMSType()).isNull();
        assertThat(second.completion()).isNull();
    }

    @Test
    @DisplayName("Simplified API: setClientID only before any other action, on this context or a sibling")
    void clientIdRules() {
        JMSContext ctx = open(JMSContext.AUTO_ACKNOWLEDGE);
        ctx.setClientID("me");
        assertThat(ctx.getClientID()).isEqualTo("me");
        assertThat(connection.clientID).isEqualTo("me");

        FakeConnection other = new FakeConnection();
        JMSContext late = FerryContext.open(other, JMSContext.AUTO_ACKNOWLEDGE);
        late.createProducer();
        assertThatThrownBy(() -> late.setClientID("x")).isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessageContaining("client ID");
        JMSContext sibling = late.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> sibling.setClientID("x")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThat(other.clientID).isNull();

        JMSContext twice = FerryContext.open(new FakeConnection(), JMSContext.AUTO_ACKNOWLEDGE);
        twice.setClientID("a");
        assertThatThrownBy(() -> twice.setClientID("b")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("Simplified API interfaces: createContext shares the connection; the last close closes it")
    void siblingsShareConnection() {
        JMSContext first = open(JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext second = first.createContext(JMSContext.SESSION_TRANSACTED);
        first.createProducer().send(queue, "1");
        second.createProducer().send(queue, "2");
        assertThat(connection.sessions).extracting(s -> s.mode)
                .containsExactly(JMSContext.AUTO_ACKNOWLEDGE, JMSContext.SESSION_TRANSACTED);
        first.close();
        assertThat(connection.sessions.get(0).closed).isTrue();
        assertThat(connection.closes.get()).isZero();
        second.createProducer().send(queue, "3");
        second.close();
        second.close();
        first.close();
        assertThat(connection.closes.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("Simplified API: after close every method throws IllegalStateRuntimeException; close again is a no-op")
    void closedContext() {
        JMSContext ctx = open(JMSContext.CLIENT_ACKNOWLEDGE);
        ctx.close();
        ctx.close();
        List<Consumer<JMSContext>> calls = List.of(
                c -> c.createContext(JMSContext.AUTO_ACKNOWLEDGE), JMSContext::createProducer, JMSContext::getClientID,
                c -> c.setClientID("x"), JMSContext::getMetaData, JMSContext::getExceptionListener,
                c -> c.setExceptionListener(null), JMSContext::start, JMSContext::stop, c -> c.setAutoStart(false),
                JMSContext::getAutoStart, JMSContext::createBytesMessage, JMSContext::createMapMessage,
                JMSContext::createMessage, JMSContext::createObjectMessage, c -> c.createObjectMessage("s"),
                JMSContext::createStreamMessage, JMSContext::createTextMessage, c -> c.createTextMessage("t"),
                JMSContext::getTransacted, JMSContext::getSessionMode, JMSContext::commit, JMSContext::rollback,
                JMSContext::recover, c -> c.createConsumer(queue), c -> c.createConsumer(queue, "a = 1"),
                c -> c.createConsumer(queue, null, true), c -> c.createQueue("q"), c -> c.createTopic("t"),
                c -> c.createDurableConsumer(null, "d"), c -> c.createDurableConsumer(null, "d", null, false),
                c -> c.createSharedDurableConsumer(null, "d"), c -> c.createSharedDurableConsumer(null, "d", null),
                c -> c.createSharedConsumer(null, "s"), c -> c.createSharedConsumer(null, "s", null),
                c -> c.createBrowser(queue), c -> c.createBrowser(queue, null), JMSContext::createTemporaryQueue,
                JMSContext::createTemporaryTopic, c -> c.unsubscribe("d"), JMSContext::acknowledge);
        for (Consumer<JMSContext> call : calls) {
            assertThat(thrownBy(() -> call.accept(ctx))).isInstanceOf(IllegalStateRuntimeException.class);
        }
        assertThat(connection.sessions).isEmpty();
        assertThat(connection.closes.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("Simplified API: a JMSProducer of a closed context refuses to send")
    void producerOfClosedContext() {
        JMSContext ctx = open(JMSContext.AUTO_ACKNOWLEDGE);
        JMSProducer p = ctx.createProducer();
        p.send(queue, "before");
        ctx.close();
        assertThatThrownBy(() -> p.send(queue, "after")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> p.send(queue, Map.of())).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("Threading restrictions on a JMSContext: autoStart starts the connection when a consumer is created")
    void autoStart() {
        JMSContext ctx = open(JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(ctx.getAutoStart()).isTrue();
        ctx.createConsumer(queue);
        assertThat(connection.starts.get()).isEqualTo(1);
        ctx.setAutoStart(false);
        assertThat(ctx.getAutoStart()).isFalse();
        ctx.createConsumer(queue);
        assertThat(connection.starts.get()).isEqualTo(1);
        ctx.start();
        ctx.stop();
        assertThat(connection.starts.get()).isEqualTo(2);
        assertThat(connection.stops.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("Simplified API: commit/rollback need a transacted context, recover a non-transacted one")
    void transactionRules() {
        JMSContext auto = open(JMSContext.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(auto::commit).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(auto::rollback).isInstanceOf(IllegalStateRuntimeException.class);
        auto.recover();
        JMSContext tx = auto.createContext(JMSContext.SESSION_TRANSACTED);
        assertThat(tx.getTransacted()).isTrue();
        assertThatThrownBy(tx::recover).isInstanceOf(IllegalStateRuntimeException.class);
        tx.commit();
        tx.rollback();
        FakeSession txSession = connection.sessions.get(1);
        assertThat(txSession.calls("commit")).isEqualTo(1);
        assertThat(txSession.calls("rollback")).isEqualTo(1);
        assertThat(connection.sessions.get(0).calls("recover")).isEqualTo(1);
    }

    @Test
    @DisplayName("Simplified API: acknowledge acknowledges the session in CLIENT_ACKNOWLEDGE only")
    void acknowledge() {
        JMSContext client = open(JMSContext.CLIENT_ACKNOWLEDGE);
        client.acknowledge();
        assertThat(connection.sessions).isEmpty();
        client.createConsumer(queue);
        client.acknowledge();
        assertThat(onlySession().calls("acknowledge")).isEqualTo(1);
        JMSContext auto = client.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        auto.createConsumer(queue);
        auto.acknowledge();
        assertThat(connection.sessions.get(1).calls("acknowledge")).isZero();
    }

    @Test
    @DisplayName("Simplified API: checked exceptions of the classic objects become their runtime twins")
    void exceptionTranslation() {
        JMSContext ctx = open(JMSContext.SESSION_TRANSACTED);
        ctx.createProducer();
        ctx.createQueue("warm-up");
        FakeSession s = onlySession();
        s.failures.put("createConsumer", new InvalidDestinationException("bad destination"));
        assertThatThrownBy(() -> ctx.createConsumer(queue)).isInstanceOf(InvalidDestinationRuntimeException.class)
                .hasMessage("bad destination");
        s.failures.put("createConsumer", new InvalidSelectorException("bad selector"));
        assertThatThrownBy(() -> ctx.createConsumer(queue, "((")).isInstanceOf(InvalidSelectorRuntimeException.class);
        s.failures.put("commit", new TransactionRolledBackException("rolled back"));
        assertThatThrownBy(ctx::commit).isInstanceOf(TransactionRolledBackRuntimeException.class);
    }

    @Test
    @DisplayName("JMSConsumer: receive, selector, listener pass through the classic consumer")
    void consumerPassThrough() throws Exception {
        JMSContext ctx = open(JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer consumer = ctx.createConsumer(queue, "");
        assertThat(consumer.getMessageSelector()).isNull();
        FakeConsumer fake = onlySession().consumers.get(0);
        Message m = FakeJms.text("x");
        fake.queue.add(m);
        assertThat(consumer.receive()).isSameAs(m);
        assertThat(consumer.receiveNoWait()).isNull();
        CompletableFuture<Message> got = new CompletableFuture<>();
        jakarta.jms.MessageListener listener = got::complete;
        consumer.setMessageListener(listener);
        assertThat(consumer.getMessageListener()).isSameAs(listener);
        fake.queue.add(m);
        assertThat(got.get(5, TimeUnit.SECONDS)).isSameAs(m);
        consumer.close();
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: AUTO/DUPS_OK use the consumer's receiveBody, which keeps a failed message")
    void receiveBodyAutoUsesConsumer() {
        for (int mode : new int[] {JMSContext.AUTO_ACKNOWLEDGE, JMSContext.DUPS_OK_ACKNOWLEDGE}) {
            FakeConnection c = new FakeConnection();
            JMSContext ctx = FerryContext.open(c, mode);
            JMSConsumer consumer = ctx.createConsumer(queue);
            FakeConsumer fake = lastConsumerOf(c);
            fake.queue.add(FakeJms.text("first"));
            assertThatThrownBy(() -> consumer.receiveBody(Integer.class, 1000))
                    .isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receiveBodyNoWait(String.class)).isEqualTo("first");
            assertThat(fake.bodyCalls.get()).isEqualTo(2);
        }
    }

    private static FakeConsumer lastConsumerOf(FakeConnection c) {
        List<FakeConsumer> consumers = c.sessions.get(c.sessions.size() - 1).consumers;
        return consumers.get(consumers.size() - 1);
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: CLIENT_ACKNOWLEDGE/transacted — failed message counts as delivered")
    void receiveBodyClientCountsAsDelivered() {
        for (int mode : new int[] {JMSContext.CLIENT_ACKNOWLEDGE, JMSContext.SESSION_TRANSACTED}) {
            FakeConnection c = new FakeConnection();
            JMSContext ctx = FerryContext.open(c, mode);
            JMSConsumer consumer = ctx.createConsumer(queue);
            FakeConsumer fake = lastConsumerOf(c);
            fake.queue.add(FakeJms.text("first"));
            fake.queue.add(FakeJms.text("second"));
            assertThatThrownBy(() -> consumer.receiveBody(Integer.class)).isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receiveBody(String.class, 1000)).isEqualTo("second");
            assertThat(fake.bodyCalls.get()).isZero();
        }
    }

    @Test
    @DisplayName("JMSConsumer receiveBody: no body, StreamMessage, plain Message and null class → MessageFormatRuntimeException")
    void receiveBodyUnsupported() {
        FakeConnection c = new FakeConnection();
        JMSContext ctx = FerryContext.open(c, JMSContext.CLIENT_ACKNOWLEDGE);
        JMSConsumer consumer = ctx.createConsumer(queue);
        FakeConsumer fake = lastConsumerOf(c);
        fake.queue.add(FakeJms.text(null));
        fake.queue.add(FakeJms.stream());
        fake.queue.add(FakeJms.message(Message.class, null));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> consumer.receiveBodyNoWait(Object.class))
                    .isInstanceOf(MessageFormatRuntimeException.class);
        }
        fake.queue.add(FakeJms.text("kept"));
        assertThatThrownBy(() -> consumer.receiveBodyNoWait(null)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(fake.queue).hasSize(1);
    }

    @Test
    @DisplayName("Simplified API: close and stop from a MessageListener on its own context → IllegalStateRuntimeException")
    void messageListenerRestrictions() throws Exception {
        JMSContext ctx = open(JMSContext.SESSION_TRANSACTED);
        JMSContext sibling = ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer consumer = ctx.createConsumer(queue);
        CompletableFuture<List<Throwable>> outcome = new CompletableFuture<>();
        consumer.setMessageListener(m -> outcome.complete(java.util.Arrays.asList(
                thrownBy(ctx::close), thrownBy(ctx::stop), thrownBy(sibling::stop), thrownBy(ctx::commit),
                thrownBy(() -> ctx.createProducer().send(queue, "reply")))));
        lastConsumerOf(connection).queue.add(FakeJms.text("go"));
        List<Throwable> thrown = outcome.get(5, TimeUnit.SECONDS);
        assertThat(thrown.get(0)).isInstanceOf(IllegalStateRuntimeException.class).hasMessageContaining("close");
        assertThat(thrown.get(1)).isInstanceOf(IllegalStateRuntimeException.class).hasMessageContaining("stop");
        assertThat(thrown.get(2)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThat(thrown.get(3)).isNull();
        assertThat(thrown.get(4)).isNull();
        assertThat(connection.stops.get()).isZero();
        ctx.stop();
        ctx.close();
        assertThat(connection.stops.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("Simplified API: close, commit and rollback from a CompletionListener on its own context → IllegalStateRuntimeException")
    void completionListenerRestrictions() throws Exception {
        JMSContext ctx = open(JMSContext.SESSION_TRANSACTED);
        JMSContext sibling = ctx.createContext(JMSContext.SESSION_TRANSACTED);
        CompletableFuture<List<Throwable>> outcome = new CompletableFuture<>();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                outcome.complete(java.util.Arrays.asList(thrownBy(ctx::close), thrownBy(ctx::commit),
                        thrownBy(ctx::rollback), thrownBy(sibling::commit)));
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.completeExceptionally(exception);
            }
        };
        ctx.createProducer().setAsync(listener).send(queue, "async");
        List<Throwable> thrown = outcome.get(5, TimeUnit.SECONDS);
        assertThat(thrown.subList(0, 3)).allSatisfy(t -> assertThat(t).isInstanceOf(IllegalStateRuntimeException.class));
        assertThat(thrown.get(3)).isNull();
        FakeProducer producer = connection.sessions.get(0).producers.get(0);
        assertThat(producer.sends.get(0).completion()).isNotNull().isNotSameAs(listener);
        ctx.commit();
        ctx.close();
    }
}
