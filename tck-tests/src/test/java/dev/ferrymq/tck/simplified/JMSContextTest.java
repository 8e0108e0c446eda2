package dev.ferrymq.tck.simplified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 2.8 Simplified API: JMSContext session modes, auto-start, client id, transactions, acknowledgement. */
@SpecSection("2.8 Simplified API interfaces")
class JMSContextTest extends JmsTestBase {

    @ParameterizedTest(name = "session mode {0}")
    @ValueSource(ints = {JMSContext.AUTO_ACKNOWLEDGE, JMSContext.CLIENT_ACKNOWLEDGE, JMSContext.DUPS_OK_ACKNOWLEDGE,
        JMSContext.SESSION_TRANSACTED})
    void sessionModeIsReported(int mode) {
        JMSContext ctx = context(mode);
        assertThat(ctx.getSessionMode()).isEqualTo(mode);
        assertThat(ctx.getTransacted()).isEqualTo(mode == JMSContext.SESSION_TRANSACTED);
    }

    @Test
    void defaultContextIsAutoAcknowledgeAndAutoStarts() {
        JMSContext ctx = context();
        assertThat(ctx.getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(ctx.getAutoStart()).isTrue();
        Queue q = queue();
        JMSConsumer c = ctx.createConsumer(q);
        ctx.createProducer().send(q, "started");
        assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("started");
    }

    @Test
    void withoutAutoStartNothingIsDeliveredUntilStart() {
        JMSContext ctx = context();
        ctx.setAutoStart(false);
        assertThat(ctx.getAutoStart()).isFalse();
        Queue q = queue();
        JMSConsumer c = ctx.createConsumer(q);
        ctx.createProducer().send(q, "held");
        assertThat(c.receive(NO_MESSAGE_TIMEOUT)).isNull();
        ctx.start();
        assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("held");
    }

    @Test
    void stopPausesDelivery() {
        JMSContext ctx = context();
        Queue q = queue();
        JMSConsumer c = ctx.createConsumer(q);
        ctx.stop();
        ctx.createProducer().send(q, "paused");
        assertThat(c.receive(NO_MESSAGE_TIMEOUT)).isNull();
        ctx.start();
        assertThat(c.receive(RECEIVE_TIMEOUT)).isNotNull();
    }

    @Test
    void createContextSharesTheConnection() {
        JMSContext ctx = context();
        String id = uniqueName("cid");
        ctx.setClientID(id);
        JMSContext child = track(ctx.createContext(JMSContext.CLIENT_ACKNOWLEDGE));
        assertThat(child.getClientID()).isEqualTo(id);
        assertThat(child.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
        child.close();
        assertThat(ctx.getClientID()).isEqualTo(id);
    }

    @Test
    @SpecSection("6.1.2 Client identifier")
    void clientIdAfterUseThrowsIllegalStateRuntime() {
        JMSContext ctx = context();
        ctx.createProducer();
        ctx.createConsumer(queue());
        assertThatThrownBy(() -> ctx.setClientID(uniqueName("cid"))).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @SpecSection("6.1.2 Client identifier")
    void duplicateClientIdThrowsInvalidClientIdRuntime() {
        String id = uniqueName("cid");
        JMSContext first = context();
        first.setClientID(id);
        first.start();
        JMSContext second = context();
        assertThatThrownBy(() -> second.setClientID(id)).isInstanceOf(InvalidClientIDRuntimeException.class);
    }

    @Test
    @SpecSection("6.2.7 Transactions")
    void transactedContextCommitsAndRollsBack() {
        JMSContext tx = context(JMSContext.SESSION_TRANSACTED);
        Queue q = queue();
        tx.createProducer().send(q, "rolled back");
        tx.rollback();
        tx.createProducer().send(q, "committed");
        tx.commit();
        JMSConsumer c = context().createConsumer(q);
        assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("committed");
        assertThat(c.receive(NO_MESSAGE_TIMEOUT)).isNull();
    }

    @Test
    @SpecSection("6.2.7 Transactions")
    void commitOnANonTransactedContextThrows() {
        JMSContext ctx = context();
        assertThatThrownBy(ctx::commit).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @SpecSection("6.2.7 Transactions")
    void rollbackOnANonTransactedContextThrows() {
        JMSContext ctx = context();
        assertThatThrownBy(ctx::rollback).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @SpecSection("6.2.7 Transactions")
    void recoverOnATransactedContextThrows() {
        JMSContext ctx = context(JMSContext.SESSION_TRANSACTED);
        assertThatThrownBy(ctx::recover).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @SpecSection("6.2.10 Message acknowledgment")
    void clientAcknowledgeContextRecoversUnacknowledged() throws Exception {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = queue();
        JMSConsumer c = ctx.createConsumer(q);
        ctx.createProducer().send(q, "ack");
        Message first = c.receive(RECEIVE_TIMEOUT);
        ctx.recover();
        Message again = c.receive(RECEIVE_TIMEOUT);
        assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
        ctx.acknowledge();
        ctx.recover();
        assertThat(c.receive(NO_MESSAGE_TIMEOUT)).isNull();
    }

    @Test
    @SpecSection("10.3 Standard exceptions")
    void createConsumerOnNullDestinationThrowsInvalidDestinationRuntime() {
        JMSContext ctx = context();
        assertThatThrownBy(() -> ctx.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    @SpecSection("8.3.3 Unshared durable subscriptions")
    void durableConsumerWithoutClientIdThrowsIllegalStateRuntime() {
        JMSContext ctx = context();
        Topic t = topic();
        assertThatThrownBy(() -> ctx.createDurableConsumer(t, uniqueName("sub")))
                .isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @SpecSection("8.3.3 Unshared durable subscriptions")
    void durableConsumerKeepsMessagesAndUnsubscribes() {
        JMSContext ctx = context();
        ctx.setClientID(uniqueName("cid"));
        Topic t = topic();
        String name = uniqueName("sub");
        ctx.createDurableConsumer(t, name).close();
        ctx.createProducer().send(t, "kept");
        JMSConsumer back = ctx.createDurableConsumer(t, name);
        assertThat(back.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("kept");
        back.close();
        ctx.unsubscribe(name);
    }

    @Test
    @SpecSection("8.3.4 Shared durable subscriptions")
    void unsubscribeOfAnUnknownNameThrowsInvalidDestinationRuntime() {
        JMSContext ctx = context();
        assertThatThrownBy(() -> ctx.unsubscribe(uniqueName("none"))).isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    @SpecSection("8.3.2 Shared non-durable subscriptions")
    void sharedConsumerReceives() {
        JMSContext ctx = context();
        Topic t = topic();
        JMSConsumer c = ctx.createSharedConsumer(t, uniqueName("shared"));
        ctx.createProducer().send(t, "shared");
        assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("shared");
    }

    @Test
    @SpecSection("4.1.6 QueueBrowser")
    void browserSeesQueuedMessages() throws Exception {
        JMSContext ctx = context();
        Queue q = queue();
        ctx.createProducer().send(q, "browse");
        assertThat(ctx.createBrowser(q).getEnumeration().hasMoreElements()).isTrue();
    }

    @Test
    @SpecSection("6.2.2 Creating temporary destinations")
    void temporaryQueueRoundTrip() {
        JMSContext ctx = context();
        Queue q = ctx.createTemporaryQueue();
        JMSConsumer c = ctx.createConsumer(q);
        ctx.createProducer().send(q, "tmp");
        assertThat(c.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("tmp");
    }
}
