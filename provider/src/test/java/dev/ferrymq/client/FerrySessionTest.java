package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FerrySessionTest {

    private final FakeBrokers brokers = new FakeBrokers();
    private Connection connection;

    @BeforeEach
    void open() throws JMSException {
        connection = brokers.factory().createConnection();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    @Test
    @DisplayName("6.2.15 Closing a session: every method but close throws IllegalStateException; close is idempotent")
    void closedSession() throws Exception {
        Session s = connection.createSession();
        s.close();
        s.close();
        Set<String> exempt = Set.of("close", "run");
        ClosedObjects.assertAllThrowIllegalState(s, Session.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(s, QueueSession.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(s, TopicSession.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(s, AcknowledgingSession.class, exempt, null);
    }

    @Test
    @DisplayName("6.2.15 Closing a session: its producers, consumers and browsers throw IllegalStateException")
    void closedSessionChildren() throws Exception {
        Session s = connection.createSession();
        Queue q = s.createQueue("q");
        MessageProducer p = s.createProducer(q);
        MessageConsumer c = s.createConsumer(q);
        QueueBrowser b = s.createBrowser(q);
        s.close();
        Set<String> exempt = Set.of("close");
        ClosedObjects.assertAllThrowIllegalState(p, QueueSender.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(p, TopicPublisher.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(c, QueueReceiver.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(c, TopicSubscriber.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(b, QueueBrowser.class, exempt, null);
        p.close();
        c.close();
        b.close();
    }

    @Test
    @DisplayName("7.1 Producers / 8.8 Closing a consumer: closed producer, consumer and browser throw IllegalStateException")
    void closedChildren() throws Exception {
        Session s = connection.createSession();
        Queue q = s.createQueue("q");
        MessageProducer p = s.createProducer(null);
        MessageConsumer c = s.createConsumer(q);
        QueueBrowser b = s.createBrowser(q);
        p.close();
        c.close();
        b.close();
        p.close();
        c.close();
        b.close();
        Set<String> exempt = Set.of("close");
        ClosedObjects.assertAllThrowIllegalState(p, QueueSender.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(p, TopicPublisher.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(c, QueueReceiver.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(c, TopicSubscriber.class, exempt, null);
        ClosedObjects.assertAllThrowIllegalState(b, QueueBrowser.class, exempt, null);
        assertThat(s.createProducer(q)).isNotNull();
    }

    @Test
    @DisplayName("6.2.7 Transactions: commit and rollback outside a transacted session throw IllegalStateException")
    void commitNotTransacted() throws JMSException {
        Session s = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::rollback).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.2.10 Message acknowledgment: recover in a transacted session throws IllegalStateException")
    void recoverTransacted() throws JMSException {
        Session s = connection.createSession(Session.SESSION_TRANSACTED);
        assertThatThrownBy(s::recover).isInstanceOf(IllegalStateException.class);
        s.commit();
        s.rollback();
    }

    @Test
    @DisplayName("QueueSession javadoc: publish/subscribe methods throw IllegalStateException")
    void queueSessionDomain() throws JMSException {
        QueueConnection qc = brokers.factory().createQueueConnection();
        try {
            QueueSession s = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = new FerryTopic("t");
            assertThatThrownBy(() -> s.createTopic("t")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::createTemporaryTopic).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createDurableSubscriber(t, "d")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createDurableConsumer(t, "d")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createSharedConsumer(t, "d")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createSharedDurableConsumer(t, "d")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.unsubscribe("d")).isInstanceOf(IllegalStateException.class);
            assertThat(s.createQueue("q")).isNotNull();
            assertThat(s.createTemporaryQueue()).isNotNull();
        } finally {
            qc.close();
        }
    }

    @Test
    @DisplayName("TopicSession javadoc: point-to-point methods throw IllegalStateException")
    void topicSessionDomain() throws JMSException {
        TopicConnection tc = brokers.factory().createTopicConnection();
        try {
            TopicSession s = tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> s.createQueue("q")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::createTemporaryQueue).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createBrowser(new FerryQueue("q"))).isInstanceOf(IllegalStateException.class);
            assertThat(s.createTopic("t")).isNotNull();
            assertThat(s.createSubscriber(s.createTemporaryTopic())).isNotNull();
        } finally {
            tc.close();
        }
    }

    @Test
    @DisplayName("8.3.3 Unshared durable subscriptions: need a client ID, else IllegalStateException")
    void durableNeedsClientId() throws JMSException {
        Session s = connection.createSession();
        Topic t = s.createTopic("t");
        assertThatThrownBy(() -> s.createDurableSubscriber(t, "sub")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.createDurableConsumer(t, "sub", null, false)).isInstanceOf(IllegalStateException.class);
        assertThat(s.createSharedDurableConsumer(t, "shared")).isNotNull();
    }

    @Test
    @DisplayName("8.3.3 Unshared durable subscriptions: created with a client ID, unsubscribed when inactive")
    void durableAndUnsubscribe() throws JMSException {
        try (Connection c = brokers.factory().createConnection()) {
            c.setClientID("cid");
            Session s = c.createSession();
            Topic t = s.createTopic("t");
            TopicSubscriber sub = s.createDurableSubscriber(t, "sub");
            assertThat(sub.getTopic()).isEqualTo(t);
            assertThatThrownBy(() -> s.unsubscribe("sub")).isInstanceOf(IllegalStateException.class);
            sub.close();
            s.unsubscribe("sub");
            assertThatThrownBy(() -> s.unsubscribe("sub")).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createDurableSubscriber(s.createTemporaryTopic(), "x"))
                    .isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createDurableConsumer(t, "")).isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    @DisplayName("6.2.4 Creating Destination objects: null or empty names throw InvalidDestinationException")
    void destinationNames() throws JMSException {
        Session s = connection.createSession();
        assertThatThrownBy(() -> s.createQueue(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createTopic("")).isInstanceOf(InvalidDestinationException.class);
        assertThat(s.createQueue("orders").getQueueName()).isEqualTo("orders");
        assertThat(s.createTopic("news").getTopicName()).isEqualTo("news");
    }

    @Test
    @DisplayName("8.1 Consumers: a null destination throws InvalidDestinationException")
    void nullConsumerDestination() throws JMSException {
        Session s = connection.createSession();
        assertThatThrownBy(() -> s.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createBrowser(null)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @DisplayName("3.8.1 Message selector: an invalid selector fails createConsumer and createBrowser with InvalidSelectorException")
    void invalidSelector() throws JMSException {
        Session s = connection.createSession();
        Queue q = s.createQueue("q");
        assertThatThrownBy(() -> s.createConsumer(q, "!!bad")).isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createBrowser(q, "!!bad")).isInstanceOf(InvalidSelectorException.class);
        QueueBrowser b = s.createBrowser(q, "");
        assertThat(b.getMessageSelector()).isNull();
        assertThat(b.getQueue()).isEqualTo(q);
        assertThat(b.getEnumeration().hasMoreElements()).isFalse();
    }

    @Test
    @DisplayName("Application server facilities (Session): no distinguished listener by default, null may be set, "
            + "a listener and run are refused naming the missing ConnectionConsumer")
    void sessionListener() throws JMSException {
        Session s = connection.createSession();
        assertThat(s.getMessageListener()).isNull();
        s.setMessageListener(null);
        assertThat(s.getMessageListener()).isNull();
        assertThatThrownBy(() -> s.setMessageListener(m -> { })).isInstanceOf(JMSException.class)
                .hasMessageContaining("ConnectionConsumer");
        assertThat(s.getMessageListener()).isNull();
        assertThatThrownBy(s::run).isInstanceOf(JMSRuntimeException.class).hasMessageContaining("ConnectionConsumer");
        s.close();
        assertThatThrownBy(s::getMessageListener).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.setMessageListener(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("8.2 Creating a consumer: selector, noLocal and destination are reported back")
    void consumerGetters() throws JMSException {
        Session s = connection.createSession();
        Topic t = s.createTopic("t");
        TopicSubscriber sub = (TopicSubscriber) s.createConsumer(t, "a = 1", true);
        assertThat(sub.getMessageSelector()).isEqualTo("a = 1");
        assertThat(sub.getNoLocal()).isTrue();
        assertThat(sub.getTopic()).isEqualTo(t);
        assertThat(sub.getMessageListener()).isNull();
        QueueReceiver r = (QueueReceiver) s.createConsumer(s.createQueue("q"), "  ");
        assertThat(r.getMessageSelector()).isNull();
        assertThat(r.getQueue().getQueueName()).isEqualTo("q");
    }
}
