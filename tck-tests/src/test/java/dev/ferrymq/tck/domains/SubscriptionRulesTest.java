package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * The error rules of subscriptions from the javadoc of createSharedConsumer,
 * createSharedDurableConsumer and unsubscribe (8.3.2, 8.3.4, 8.3.3): a different topic or selector
 * while a consumer is active throws JMSException (JMSRuntimeException for JMSContext); while none is,
 * the durable subscription is replaced; a subscription belongs to its name and client identifier.
 */
class SubscriptionRulesTest extends JmsTestBase {

    private static void publish(Session s, Topic t, int k) throws JMSException {
        TextMessage m = s.createTextMessage("k" + k);
        m.setIntProperty("k", k);
        s.createProducer(t).send(m);
    }

    @Test
    @SpecSection("8.3.2 Shared non-durable subscriptions")
    void sharedConsumerWithADifferentSelectorWhileActiveThrows() throws Exception {
        Topic t = topic();
        String name = uniqueName("shared");
        Session s = session();
        s.createSharedConsumer(t, name, "k = 1");
        assertThatThrownBy(() -> s.createSharedConsumer(t, name, "k = 2")).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> s.createSharedConsumer(t, name)).as("no selector is a different selector")
                .isInstanceOf(JMSException.class);
    }

    @Test
    @SpecSection("8.3.2 Shared non-durable subscriptions")
    void sharedConsumerWithADifferentTopicWhileActiveThrows() throws Exception {
        String name = uniqueName("shared");
        Session s = session();
        s.createSharedConsumer(topic(), name);
        Topic other = topic();
        assertThatThrownBy(() -> s.createSharedConsumer(other, name)).isInstanceOf(JMSException.class);
    }

    @Test
    @SpecSection("8.3.2 Shared non-durable subscriptions")
    void sharedConsumerWithTheSameSelectorJoinsTheSubscription() throws Exception {
        Topic t = topic();
        String name = uniqueName("shared");
        Session s = session();
        MessageConsumer a = s.createSharedConsumer(t, name, "k = 1");
        MessageConsumer b = s.createSharedConsumer(t, name, "k = 1");
        publish(s, t, 1);
        MessageConsumer other = null;
        long deadline = System.currentTimeMillis() + RECEIVE_TIMEOUT;
        while (other == null && System.currentTimeMillis() < deadline) {
            if (a.receive(20) != null) {
                other = b;
            } else if (b.receive(20) != null) {
                other = a;
            }
        }
        assertThat(other).as("one of the two consumers got the message").isNotNull();
        mustNotReceive(other);
        mustNotReceive(other == a ? b : a);
    }

    @Test
    @SpecSection("8.3.2 Shared non-durable subscriptions")
    void contextSharedConsumerWithADifferentSelectorWhileActiveThrows() {
        Topic t = topic();
        String name = uniqueName("shared");
        JMSContext ctx = context();
        ctx.createSharedConsumer(t, name, "k = 1");
        assertThatThrownBy(() -> ctx.createSharedConsumer(t, name, "k = 2")).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    @SpecSection("8.3.4 Shared durable subscriptions")
    void sharedDurableWithADifferentSelectorWhileActiveThrows() throws Exception {
        Topic t = topic();
        String name = uniqueName("sdur");
        Session s = session();
        MessageConsumer active = s.createSharedDurableConsumer(t, name, "k = 1");
        assertThatThrownBy(() -> s.createSharedDurableConsumer(t, name, "k = 2")).isInstanceOf(JMSException.class);
        active.close();
        s.unsubscribe(name);
    }

    @Test
    @SpecSection("8.3.4 Shared durable subscriptions")
    void sharedDurableWithADifferentSelectorWhileInactiveReplacesTheSubscription() throws Exception {
        Topic t = topic();
        String name = uniqueName("sdur");
        Session s = session();
        s.createSharedDurableConsumer(t, name, "k = 1").close();
        publish(s, t, 1);
        MessageConsumer replaced = s.createSharedDurableConsumer(t, name, "k = 2");
        mustNotReceive(replaced);
        publish(s, t, 1);
        publish(s, t, 2);
        assertThat(((TextMessage) mustReceive(replaced)).getText()).isEqualTo("k2");
        mustNotReceive(replaced);
        replaced.close();
        s.unsubscribe(name);
    }

    @Test
    @SpecSection("8.3.4 Shared durable subscriptions")
    void contextSharedDurableWithADifferentTopicWhileActiveThrows() {
        String name = uniqueName("sdur");
        JMSContext ctx = context();
        JMSConsumer active = ctx.createSharedDurableConsumer(topic(), name);
        Topic other = topic();
        assertThatThrownBy(() -> ctx.createSharedDurableConsumer(other, name)).isInstanceOf(JMSRuntimeException.class);
        active.close();
        ctx.unsubscribe(name);
    }

    @Test
    @SpecSection("8.3.3 Unshared durable subscriptions")
    void contextUnsubscribeWithAnActiveConsumerThrows() {
        JMSContext ctx = context();
        ctx.setClientID(uniqueName("cid"));
        String name = uniqueName("dur");
        JMSConsumer active = ctx.createDurableConsumer(topic(), name);
        assertThatThrownBy(() -> ctx.unsubscribe(name)).isInstanceOf(JMSRuntimeException.class);
        active.close();
        ctx.unsubscribe(name);
    }

    @Test
    @SpecSection("8.3.3 Unshared durable subscriptions")
    void aDurableSubscriptionBelongsToItsClientIdentifier() throws Exception {
        String name = uniqueName("dur");
        Topic t = topic();
        Connection owner = connection();
        owner.setClientID(uniqueName("owner"));
        Session ownerSession = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        ownerSession.createDurableConsumer(t, name).close();
        Connection stranger = connection();
        stranger.setClientID(uniqueName("stranger"));
        Session strangerSession = stranger.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> strangerSession.unsubscribe(name)).isInstanceOf(InvalidDestinationException.class);
        ownerSession.unsubscribe(name);
    }

    @Test
    @SpecSection("8.3.3 Unshared durable subscriptions")
    void unsubscribingTwiceThrowsInvalidDestination() throws Exception {
        Connection c = connection();
        c.setClientID(uniqueName("cid"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        String name = uniqueName("dur");
        s.createDurableConsumer(topic(), name).close();
        s.unsubscribe(name);
        assertThatThrownBy(() -> s.unsubscribe(name)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @SpecSection("8.3.3 Unshared durable subscriptions")
    void contextUnsubscribingTwiceThrowsInvalidDestinationRuntime() {
        JMSContext ctx = context();
        ctx.setClientID(uniqueName("cid"));
        String name = uniqueName("dur");
        ctx.createDurableConsumer(topic(), name).close();
        ctx.unsubscribe(name);
        assertThatThrownBy(() -> ctx.unsubscribe(name)).isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    @SpecSection("8.3.1 Unshared non-durable subscriptions")
    void contextNoLocalConsumerIgnoresItsConnectionsMessages() throws Exception {
        Topic t = topic();
        JMSContext ctx = context();
        JMSConsumer noLocal = ctx.createConsumer(t, null, true);
        JMSContext sibling = track(ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        ctx.createProducer().send(t, "own");
        sibling.createProducer().send(t, "sibling, same connection");
        Session other = session();
        MessageProducer p = other.createProducer(t);
        p.send(other.createTextMessage("other connection"));
        assertThat(noLocal.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("other connection");
        assertThat(noLocal.receiveBody(String.class, NO_MESSAGE_TIMEOUT)).isNull();
    }

    @Test
    @SpecSection("8.3.3 Unshared durable subscriptions")
    void contextNoLocalDurableConsumerIgnoresItsConnectionsMessages() throws Exception {
        Topic t = topic();
        JMSContext ctx = context();
        ctx.setClientID(uniqueName("cid"));
        String name = uniqueName("dur");
        JMSConsumer noLocal = ctx.createDurableConsumer(t, name, null, true);
        ctx.createProducer().send(t, "own");
        Session other = session();
        other.createProducer(t).send(other.createTextMessage("other connection"));
        assertThat(noLocal.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("other connection");
        assertThat(noLocal.receiveBody(String.class, NO_MESSAGE_TIMEOUT)).isNull();
        noLocal.close();
        ctx.unsubscribe(name);
    }
}
