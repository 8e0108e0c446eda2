package dev.ferrymq.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicRequestor;
import jakarta.jms.TopicSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class RequestorTest {

    private final FakeBrokers brokers = new FakeBrokers();

    /** Answers each request with "re:" + its text on its JMSReplyTo. */
    private static void serve(Session server, jakarta.jms.Destination requests) throws JMSException {
        MessageProducer replies = server.createProducer(null);
        server.createConsumer(requests).setMessageListener(m -> {
            try {
                replies.send(m.getJMSReplyTo(), server.createTextMessage("re:" + ((TextMessage) m).getText()));
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    @DisplayName("4.1.6 QueueRequestor: request/reply over a temporary queue")
    void queueRequestor() throws JMSException {
        try (QueueConnection c = brokers.factory().createQueueConnection()) {
            QueueSession server = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue requests = server.createQueue("requests");
            serve(server, requests);
            c.start();
            QueueSession client = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor requestor = new QueueRequestor(client, requests);
            Message reply = requestor.request(client.createTextMessage("ping"));
            assertThat(((TextMessage) reply).getText()).isEqualTo("re:ping");
            requestor.close();
        }
    }

    @Test
    @DisplayName("4.2.10 TopicRequestor: request/reply over a temporary topic")
    void topicRequestor() throws JMSException {
        try (TopicConnection c = brokers.factory().createTopicConnection()) {
            TopicSession server = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic requests = server.createTopic("requests");
            serve(server, requests);
            c.start();
            TopicSession client = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            TopicRequestor requestor = new TopicRequestor(client, requests);
            Message reply = requestor.request(client.createTextMessage("ping"));
            assertThat(((TextMessage) reply).getText()).isEqualTo("re:ping");
            requestor.close();
        }
    }
}
