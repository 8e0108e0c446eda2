package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 8.3.3 Unshared durable subscriptions (and Session.unsubscribe). */
@SpecSection("8.3.3 Unshared durable subscriptions")
class DurableSubscriptionTest extends JmsTestBase {

    private Connection conn;
    private Session session;

    private void openWithClientId() throws Exception {
        conn = connection();
        conn.setClientID(uniqueName("cid"));
        conn.start();
        session = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    private void publish(Topic t, String text) throws Exception {
        session.createProducer(t).send(session.createTextMessage(text));
    }

    @Test
    void messagesPublishedWhileInactiveAreKept() throws Exception {
        openWithClientId();
        Topic t = topic();
        String name = uniqueName("sub");
        session.createDurableConsumer(t, name).close();
        publish(t, "while away");
        MessageConsumer back = session.createDurableConsumer(t, name);
        assertThat(((TextMessage) mustReceive(back)).getText()).isEqualTo("while away");
        back.close();
        session.unsubscribe(name);
    }

    @Test
    void durableSubscriberAliasBehavesTheSame() throws Exception {
        openWithClientId();
        Topic t = topic();
        String name = uniqueName("sub");
        session.createDurableSubscriber(t, name).close();
        publish(t, "kept");
        MessageConsumer back = session.createDurableSubscriber(t, name);
        assertThat(mustReceive(back)).isNotNull();
        back.close();
        session.unsubscribe(name);
    }

    @Test
    void unsubscribeDeletesTheSubscriptionAndItsMessages() throws Exception {
        openWithClientId();
        Topic t = topic();
        String name = uniqueName("sub");
        session.createDurableConsumer(t, name).close();
        publish(t, "dropped");
        session.unsubscribe(name);
        MessageConsumer fresh = session.createDurableConsumer(t, name);
        mustNotReceive(fresh);
        fresh.close();
        session.unsubscribe(name);
    }

    @Test
    void unsubscribeWithAnActiveConsumerThrows() throws Exception {
        openWithClientId();
        String name = uniqueName("sub");
        session.createDurableConsumer(topic(), name);
        assertThatThrownBy(() -> session.unsubscribe(name)).isInstanceOf(JMSException.class);
    }

    @Test
    void unsubscribeOfAnUnknownNameThrowsInvalidDestination() throws Exception {
        openWithClientId();
        assertThatThrownBy(() -> session.unsubscribe(uniqueName("none"))).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void aSecondActiveConsumerOnTheSameSubscriptionThrows() throws Exception {
        openWithClientId();
        Topic t = topic();
        String name = uniqueName("sub");
        session.createDurableConsumer(t, name);
        Session other = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> other.createDurableConsumer(t, name)).isInstanceOf(JMSException.class);
    }

    @Test
    void changingTheSelectorReplacesTheSubscription() throws Exception {
        openWithClientId();
        Topic t = topic();
        String name = uniqueName("sub");
        session.createDurableConsumer(t, name, "a = 1", false).close();
        Message m = session.createTextMessage("old");
        m.setIntProperty("a", 1);
        session.createProducer(t).send(m);
        MessageConsumer replaced = session.createDurableConsumer(t, name, "a = 2", false);
        mustNotReceive(replaced);
        replaced.close();
        session.unsubscribe(name);
    }

    @Test
    void changingTheTopicReplacesTheSubscription() throws Exception {
        openWithClientId();
        Topic t1 = topic();
        String name = uniqueName("sub");
        session.createDurableConsumer(t1, name).close();
        publish(t1, "old topic");
        Topic t2 = topic();
        MessageConsumer replaced = session.createDurableConsumer(t2, name);
        mustNotReceive(replaced);
        publish(t2, "new topic");
        assertThat(((TextMessage) mustReceive(replaced)).getText()).isEqualTo("new topic");
        replaced.close();
        session.unsubscribe(name);
    }

    @Test
    void unsharedDurableSubscriptionNeedsAClientId() throws Exception {
        Session noClientId = session();
        assertThatThrownBy(() -> noClientId.createDurableConsumer(topic(), uniqueName("sub")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSharedDurableSubscriptionWithTheSameNameConflicts() throws Exception {
        openWithClientId();
        Topic t = topic();
        String name = uniqueName("sub");
        session.createSharedDurableConsumer(t, name);
        assertThatThrownBy(() -> session.createDurableConsumer(t, name)).isInstanceOf(JMSException.class);
    }

    @Test
    void noLocalDurableSubscriptionIgnoresOwnConnection() throws Exception {
        openWithClientId();
        Topic t = topic();
        String name = uniqueName("sub");
        MessageConsumer c = session.createDurableConsumer(t, name, null, true);
        publish(t, "own");
        Session other = session();
        other.createProducer(t).send(other.createTextMessage("other"));
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("other");
        c.close();
        session.unsubscribe(name);
    }
}
