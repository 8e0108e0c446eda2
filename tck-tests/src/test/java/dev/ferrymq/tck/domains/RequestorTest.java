package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.TopicRequestor;
import jakarta.jms.TopicSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 4.1.7 QueueRequestor and 4.2.10 TopicRequestor: the API's request/reply helpers over a legacy
 * domain session, with a responder (on another connection) answering to JMSReplyTo. request()
 * blocks without a timeout, hence the short test timeout.
 */
@Timeout(15)
class RequestorTest extends JmsTestBase {

    /** Answers every request with "re:" + its text, correlated by message id, on its JMSReplyTo. */
    private void respondOn(jakarta.jms.Destination requests) throws JMSException {
        Session s = session();
        MessageProducer replies = s.createProducer(null);
        MessageConsumer c = s.createConsumer(requests);
        c.setMessageListener(m -> {
            try {
                TextMessage reply = s.createTextMessage("re:" + ((TextMessage) m).getText());
                reply.setJMSCorrelationID(m.getJMSMessageID());
                replies.send(m.getJMSReplyTo(), reply);
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });
    }

    private QueueSession queueSession() throws JMSException {
        QueueConnection c = track(((QueueConnectionFactory) cf()).createQueueConnection());
        c.start();
        return c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    private TopicSession topicSession() throws JMSException {
        TopicConnection c = track(((TopicConnectionFactory) cf()).createTopicConnection());
        c.start();
        return c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Test
    @SpecSection("4.1.7 QueueRequestor")
    void queueRequestorGetsTheReplyToEachRequest() throws Exception {
        Queue q = queue();
        respondOn(q);
        QueueSession s = queueSession();
        QueueRequestor requestor = new QueueRequestor(s, q);
        for (int i = 0; i < 3; i++) {
            TextMessage request = s.createTextMessage("ping" + i);
            Message reply = requestor.request(request);
            assertThat(((TextMessage) reply).getText()).isEqualTo("re:ping" + i);
            assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
            assertThat(request.getJMSReplyTo()).isInstanceOf(jakarta.jms.TemporaryQueue.class);
        }
        requestor.close();
    }

    @Test
    @SpecSection("4.1.7 QueueRequestor")
    void closingTheQueueRequestorClosesItsSession() throws Exception {
        Queue q = queue();
        QueueSession s = queueSession();
        new QueueRequestor(s, q).close();
        assertThatThrownBy(s::createMessage).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("4.2.10 TopicRequestor")
    void topicRequestorGetsTheReplyToEachRequest() throws Exception {
        Topic t = topic();
        respondOn(t);
        TopicSession s = topicSession();
        TopicRequestor requestor = new TopicRequestor(s, t);
        for (int i = 0; i < 3; i++) {
            TextMessage request = s.createTextMessage("ping" + i);
            Message reply = requestor.request(request);
            assertThat(((TextMessage) reply).getText()).isEqualTo("re:ping" + i);
            assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
            assertThat(request.getJMSReplyTo()).isInstanceOf(jakarta.jms.TemporaryTopic.class);
        }
        requestor.close();
    }

    @Test
    @SpecSection("4.2.10 TopicRequestor")
    void closingTheTopicRequestorClosesItsSession() throws Exception {
        TopicSession s = topicSession();
        new TopicRequestor(s, topic()).close();
        assertThatThrownBy(s::createMessage).isInstanceOf(IllegalStateException.class);
    }
}
