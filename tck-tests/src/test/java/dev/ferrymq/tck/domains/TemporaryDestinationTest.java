package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 4.1.5 TemporaryQueue, 4.2.7 Temporary topics, 6.2.2 Creating temporary destinations. */
class TemporaryDestinationTest extends JmsTestBase {

    @Test
    @SpecSection("4.1.5 TemporaryQueue")
    void temporaryQueueCarriesMessages() throws Exception {
        Session s = session();
        TemporaryQueue q = s.createTemporaryQueue();
        MessageConsumer c = s.createConsumer(q);
        s.createProducer(q).send(s.createTextMessage("tmp"));
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("tmp");
    }

    @Test
    @SpecSection("4.1.5 TemporaryQueue")
    void temporaryQueuesAreUniqueAndNamed() throws Exception {
        Session s = session();
        TemporaryQueue a = s.createTemporaryQueue();
        TemporaryQueue b = s.createTemporaryQueue();
        assertThat(a.getQueueName()).isNotBlank().isNotEqualTo(b.getQueueName());
    }

    @Test
    @SpecSection("6.2.2 Creating temporary destinations")
    void temporaryQueueIsUsableByAnotherSessionOfTheSameConnection() throws Exception {
        var conn = startedConnection();
        Session s1 = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue q = s1.createTemporaryQueue();
        MessageConsumer c = s2.createConsumer(q);
        s1.createProducer(q).send(s1.createTextMessage("x"));
        assertThat(mustReceive(c)).isNotNull();
    }

    @Test
    @SpecSection("4.1.5 TemporaryQueue")
    void temporaryQueueCannotBeConsumedByAnotherConnection() throws Exception {
        TemporaryQueue q = session().createTemporaryQueue();
        Session other = session();
        assertThatThrownBy(() -> other.createConsumer(q)).isInstanceOf(JMSException.class);
    }

    @Test
    @SpecSection("4.1.5 TemporaryQueue")
    void temporaryQueueCanBeSentToFromAnotherConnection() throws Exception {
        Session s = session();
        TemporaryQueue q = s.createTemporaryQueue();
        MessageConsumer c = s.createConsumer(q);
        Session other = session();
        other.createProducer(q).send(other.createTextMessage("reply"));
        assertThat(mustReceive(c)).isNotNull();
    }

    @Test
    @SpecSection("4.1.5 TemporaryQueue")
    void deletingATemporaryQueueInUseThrows() throws Exception {
        Session s = session();
        TemporaryQueue q = s.createTemporaryQueue();
        s.createConsumer(q);
        assertThatThrownBy(q::delete).isInstanceOf(JMSException.class);
    }

    @Test
    @SpecSection("4.1.5 TemporaryQueue")
    void deletingAnUnusedTemporaryQueueSucceeds() throws Exception {
        Session s = session();
        TemporaryQueue q = s.createTemporaryQueue();
        MessageConsumer c = s.createConsumer(q);
        c.close();
        q.delete();
    }

    @Test
    @SpecSection("4.2.7 Temporary topics")
    void temporaryTopicCarriesMessages() throws Exception {
        Session s = session();
        TemporaryTopic t = s.createTemporaryTopic();
        MessageConsumer c = s.createConsumer(t);
        s.createProducer(t).send(s.createTextMessage("tmp"));
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("tmp");
    }

    @Test
    @SpecSection("4.2.7 Temporary topics")
    void temporaryTopicsAreUniqueAndNamed() throws Exception {
        Session s = session();
        assertThat(s.createTemporaryTopic().getTopicName()).isNotBlank()
                .isNotEqualTo(s.createTemporaryTopic().getTopicName());
    }

    @Test
    @SpecSection("4.2.7 Temporary topics")
    void temporaryTopicCannotBeConsumedByAnotherConnection() throws Exception {
        TemporaryTopic t = session().createTemporaryTopic();
        Session other = session();
        assertThatThrownBy(() -> other.createConsumer(t)).isInstanceOf(JMSException.class);
    }

    @Test
    @SpecSection("4.2.7 Temporary topics")
    void deletingATemporaryTopicInUseThrows() throws Exception {
        Session s = session();
        TemporaryTopic t = s.createTemporaryTopic();
        s.createConsumer(t);
        assertThatThrownBy(t::delete).isInstanceOf(JMSException.class);
    }

    @Test
    @SpecSection("4.2.7 Temporary topics")
    void deletingAnUnusedTemporaryTopicSucceeds() throws Exception {
        Session s = session();
        TemporaryTopic t = s.createTemporaryTopic();
        t.delete();
    }
}
