package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 4.2 The publish/subscribe model and 8.3.1 unshared non-durable subscriptions. */
class PubSubTest extends JmsTestBase {

    @Test
    @SpecSection("4.2.2 Topic semantics")
    void everySubscriberGetsACopy() throws Exception {
        Session s = session();
        Topic t = topic();
        MessageConsumer a = s.createConsumer(t);
        MessageConsumer b = session().createConsumer(t);
        s.createProducer(t).send(s.createTextMessage("all"));
        assertThat(((TextMessage) mustReceive(a)).getText()).isEqualTo("all");
        assertThat(((TextMessage) mustReceive(b)).getText()).isEqualTo("all");
    }

    @Test
    @SpecSection("8.3.1 Unshared non-durable subscriptions")
    void aSubscriberDoesNotGetMessagesPublishedBeforeItExisted() throws Exception {
        Session s = session();
        Topic t = topic();
        s.createProducer(t).send(s.createTextMessage("early"));
        MessageConsumer late = s.createConsumer(t);
        mustNotReceive(late);
    }

    @Test
    @SpecSection("8.3.1 Unshared non-durable subscriptions")
    void aClosedSubscriberStopsReceiving() throws Exception {
        Session s = session();
        Topic t = topic();
        MessageConsumer c = s.createConsumer(t);
        MessageProducer p = s.createProducer(t);
        c.close();
        p.send(s.createTextMessage("missed"));
        mustNotReceive(s.createConsumer(t));
    }

    @Test
    @SpecSection("8.3.1 Unshared non-durable subscriptions")
    void noLocalSubscriberIgnoresItsOwnConnectionsMessages() throws Exception {
        Connection conn = startedConnection();
        Session own = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = topic();
        MessageConsumer noLocal = own.createConsumer(t, null, true);
        own.createProducer(t).send(own.createTextMessage("local"));
        Session other = session();
        other.createProducer(t).send(other.createTextMessage("remote"));
        assertThat(((TextMessage) mustReceive(noLocal)).getText()).isEqualTo("remote");
        mustNotReceive(noLocal);
    }

    @Test
    @SpecSection("8.3.1 Unshared non-durable subscriptions")
    void noLocalAppliesToOtherSessionsOfTheSameConnection() throws Exception {
        Connection conn = startedConnection();
        Session s1 = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = topic();
        MessageConsumer noLocal = s1.createConsumer(t, null, true);
        s2.createProducer(t).send(s2.createTextMessage("same connection"));
        mustNotReceive(noLocal);
    }

    @Test
    @SpecSection("8.3.1 Unshared non-durable subscriptions")
    void withoutNoLocalASubscriberGetsItsOwnMessages() throws Exception {
        Session s = session();
        Topic t = topic();
        MessageConsumer c = s.createConsumer(t, null, false);
        s.createProducer(t).send(s.createTextMessage("own"));
        assertThat(mustReceive(c)).isNotNull();
    }

    @Test
    @SpecSection("4.2.6 Topic")
    void topicNameIsTheNameItWasCreatedWith() throws Exception {
        Topic t = session().createTopic("tck.named.topic");
        assertThat(t.getTopicName()).isEqualTo("tck.named.topic");
    }

    @Test
    @SpecSection("5.2 Destination")
    void topicFromJndiAndFromSessionReachTheSameTopic() throws Exception {
        Session s = session();
        Topic fromJndi = lookup("PresetTopic");
        MessageConsumer c = s.createConsumer(fromJndi);
        s.createProducer(s.createTopic(fromJndi.getTopicName())).send(s.createTextMessage("same"));
        assertThat(mustReceive(c)).isNotNull();
    }

    @Test
    @SpecSection("4.2.2 Topic semantics")
    void messagesToATopicWithoutSubscribersAreNotKept() throws Exception {
        Session s = session();
        Topic t = topic();
        s.createProducer(t).send(s.createTextMessage("nobody"));
        MessageConsumer c = s.createConsumer(t);
        s.createProducer(t).send(s.createTextMessage("somebody"));
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("somebody");
    }
}
