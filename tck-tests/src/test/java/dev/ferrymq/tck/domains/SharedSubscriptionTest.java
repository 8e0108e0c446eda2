package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 8.3.2 Shared non-durable and 8.3.4 shared durable subscriptions. */
class SharedSubscriptionTest extends JmsTestBase {

    private static Set<String> drain(MessageConsumer... consumers) throws Exception {
        Set<String> ids = new HashSet<>();
        for (MessageConsumer c : consumers) {
            Message m;
            while ((m = c.receive(NO_MESSAGE_TIMEOUT * 2)) != null) {
                assertThat(ids.add(m.getJMSMessageID())).as("delivered once").isTrue();
            }
        }
        return ids;
    }

    @Test
    @SpecSection("8.3.2 Shared non-durable subscriptions")
    void sharedConsumersSplitTheMessages() throws Exception {
        Topic t = topic();
        String name = uniqueName("shared");
        Session s1 = session();
        Session s2 = session();
        MessageConsumer a = s1.createSharedConsumer(t, name);
        MessageConsumer b = s2.createSharedConsumer(t, name);
        MessageProducer p = s1.createProducer(t);
        for (int i = 0; i < 10; i++) {
            p.send(s1.createTextMessage("m" + i));
        }
        assertThat(drain(a, b)).hasSize(10);
    }

    @Test
    @SpecSection("8.3.2 Shared non-durable subscriptions")
    void sharedSubscriptionIsIndependentOfOtherSubscriptions() throws Exception {
        Topic t = topic();
        Session s = session();
        MessageConsumer shared = s.createSharedConsumer(t, uniqueName("shared"));
        MessageConsumer plain = s.createConsumer(t);
        s.createProducer(t).send(s.createTextMessage("both"));
        assertThat(mustReceive(shared)).isNotNull();
        assertThat(mustReceive(plain)).isNotNull();
    }

    @Test
    @SpecSection("8.3.2 Shared non-durable subscriptions")
    void sharedNonDurableSubscriptionEndsWithItsLastConsumer() throws Exception {
        Topic t = topic();
        String name = uniqueName("shared");
        Session s = session();
        s.createSharedConsumer(t, name).close();
        s.createProducer(t).send(s.createTextMessage("gone"));
        mustNotReceive(s.createSharedConsumer(t, name));
    }

    @Test
    @SpecSection("8.3.2 Shared non-durable subscriptions")
    void sharedConsumerWithSelector() throws Exception {
        Topic t = topic();
        Session s = session();
        MessageConsumer c = s.createSharedConsumer(t, uniqueName("shared"), "k = 2");
        MessageProducer p = s.createProducer(t);
        for (int k = 1; k <= 2; k++) {
            TextMessage m = s.createTextMessage("k" + k);
            m.setIntProperty("k", k);
            p.send(m);
        }
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("k2");
        mustNotReceive(c);
    }

    @Test
    @SpecSection("8.3.4 Shared durable subscriptions")
    void sharedDurableSubscriptionKeepsMessagesWhileInactive() throws Exception {
        Topic t = topic();
        String name = uniqueName("sdur");
        Session s = session();
        s.createSharedDurableConsumer(t, name).close();
        s.createProducer(t).send(s.createTextMessage("kept"));
        MessageConsumer back = s.createSharedDurableConsumer(t, name);
        assertThat(((TextMessage) mustReceive(back)).getText()).isEqualTo("kept");
        back.close();
        s.unsubscribe(name);
    }

    @Test
    @SpecSection("8.3.4 Shared durable subscriptions")
    void sharedDurableConsumersSplitTheMessages() throws Exception {
        Topic t = topic();
        String name = uniqueName("sdur");
        Session s1 = session();
        Session s2 = session();
        MessageConsumer a = s1.createSharedDurableConsumer(t, name);
        MessageConsumer b = s2.createSharedDurableConsumer(t, name);
        MessageProducer p = s1.createProducer(t);
        for (int i = 0; i < 10; i++) {
            p.send(s1.createTextMessage("m" + i));
        }
        assertThat(drain(a, b)).hasSize(10);
        a.close();
        b.close();
        s1.unsubscribe(name);
    }

    @Test
    @SpecSection("8.3.4 Shared durable subscriptions")
    void sharedDurableWithADifferentTopicWhileActiveThrows() throws Exception {
        String name = uniqueName("sdur");
        Session s = session();
        MessageConsumer active = s.createSharedDurableConsumer(topic(), name);
        assertThatThrownBy(() -> s.createSharedDurableConsumer(topic(), name)).isInstanceOf(JMSException.class);
        active.close();
        s.unsubscribe(name);
    }

    @Test
    @SpecSection("8.3.4 Shared durable subscriptions")
    void unsubscribeOfAnActiveSharedDurableSubscriptionThrows() throws Exception {
        String name = uniqueName("sdur");
        Session s = session();
        MessageConsumer active = s.createSharedDurableConsumer(topic(), name);
        assertThatThrownBy(() -> s.unsubscribe(name)).isInstanceOf(JMSException.class);
        active.close();
        s.unsubscribe(name);
    }
}
