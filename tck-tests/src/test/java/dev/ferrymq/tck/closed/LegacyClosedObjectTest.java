package dev.ferrymq.tck.closed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ferrymq.tck.closed.ClassicClosedObjectTest.Closing;
import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 6.1.8 / 6.2.15 / 8.8 for the legacy domain-specific interfaces (QueueConnection, TopicConnection,
 * QueueSession, TopicSession, QueueSender, TopicPublisher, QueueReceiver, TopicSubscriber) and for
 * the destination sends of an unidentified MessageProducer: once the object, its session or its
 * connection is closed, each method throws IllegalStateException.
 */
class LegacyClosedObjectTest extends JmsTestBase {

    private QueueConnection qc;
    private QueueSession qs;
    private TopicConnection tc;
    private TopicSession ts;
    private Op.Fixture fixture;

    private void openQueue() throws Exception {
        qc = track(((QueueConnectionFactory) cf()).createQueueConnection());
        qc.start();
        qs = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        fixture = new Op.Fixture(queue(), topic(), qs.createTextMessage("closed"));
    }

    private void openTopic() throws Exception {
        tc = track(((TopicConnectionFactory) cf()).createTopicConnection());
        tc.setClientID(uniqueName("legacy"));
        tc.start();
        ts = tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        fixture = new Op.Fixture(queue(), topic(), ts.createTextMessage("closed"));
    }

    private static void close(Closing closing, AutoCloseable object, Session session, jakarta.jms.Connection c)
            throws Exception {
        switch (closing) {
            case OBJECT -> object.close();
            case SESSION -> session.close();
            case CONNECTION -> c.close();
        }
    }

    private static Stream<Arguments> all(List<? extends Named<?>> ops) {
        return ClassicClosedObjectTest.cross(ops, Closing.values());
    }

    static Stream<Arguments> queueSessionOps() {
        return ClassicClosedObjectTest.cross(LegacyOps.QUEUE_SESSION, Closing.SESSION, Closing.CONNECTION);
    }

    static Stream<Arguments> topicSessionOps() {
        return ClassicClosedObjectTest.cross(LegacyOps.TOPIC_SESSION, Closing.SESSION, Closing.CONNECTION);
    }

    static Stream<Arguments> senderOps() {
        return all(LegacyOps.QUEUE_SENDER);
    }

    static Stream<Arguments> unidentifiedSenderOps() {
        return all(LegacyOps.UNIDENTIFIED_QUEUE_SENDER);
    }

    static Stream<Arguments> unidentifiedPublisherOps() {
        return all(LegacyOps.UNIDENTIFIED_TOPIC_PUBLISHER);
    }

    static Stream<Arguments> publisherOps() {
        return all(LegacyOps.TOPIC_PUBLISHER);
    }

    static Stream<Arguments> receiverOps() {
        return all(LegacyOps.QUEUE_RECEIVER);
    }

    static Stream<Arguments> subscriberOps() {
        return all(LegacyOps.TOPIC_SUBSCRIBER);
    }

    static Stream<Arguments> unidentifiedProducerOps() {
        return all(LegacyOps.UNIDENTIFIED_PRODUCER);
    }

    static Stream<Named<Op<QueueConnection>>> queueConnectionOps() {
        return LegacyOps.QUEUE_CONNECTION.stream();
    }

    static Stream<Named<Op<TopicConnection>>> topicConnectionOps() {
        return LegacyOps.TOPIC_CONNECTION.stream();
    }

    @ParameterizedTest(name = "QueueConnection.{0}")
    @MethodSource("queueConnectionOps")
    @SpecSection("6.1.8 Closing a connection")
    void closedQueueConnection(Op<QueueConnection> op) throws Exception {
        openQueue();
        qc.close();
        assertThatThrownBy(() -> op.apply(qc, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "TopicConnection.{0}")
    @MethodSource("topicConnectionOps")
    @SpecSection("6.1.8 Closing a connection")
    void closedTopicConnection(Op<TopicConnection> op) throws Exception {
        openTopic();
        tc.close();
        assertThatThrownBy(() -> op.apply(tc, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: QueueSession.{1}")
    @MethodSource("queueSessionOps")
    @SpecSection("6.2.15 Closing a session")
    void closedQueueSession(Closing closing, Op<QueueSession> op) throws Exception {
        openQueue();
        close(closing, qs, qs, qc);
        assertThatThrownBy(() -> op.apply(qs, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: TopicSession.{1}")
    @MethodSource("topicSessionOps")
    @SpecSection("6.2.15 Closing a session")
    void closedTopicSession(Closing closing, Op<TopicSession> op) throws Exception {
        openTopic();
        close(closing, ts, ts, tc);
        assertThatThrownBy(() -> op.apply(ts, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: QueueSender.{1}")
    @MethodSource("senderOps")
    @SpecSection("6.2.15 Closing a session")
    void closedQueueSender(Closing closing, Op<QueueSender> op) throws Exception {
        openQueue();
        QueueSender sender = qs.createSender(fixture.queue());
        close(closing, sender, qs, qc);
        assertThatThrownBy(() -> op.apply(sender, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: TopicPublisher.{1}")
    @MethodSource("publisherOps")
    @SpecSection("6.2.15 Closing a session")
    void closedTopicPublisher(Closing closing, Op<TopicPublisher> op) throws Exception {
        openTopic();
        TopicPublisher publisher = ts.createPublisher(fixture.topic());
        close(closing, publisher, ts, tc);
        assertThatThrownBy(() -> op.apply(publisher, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: unidentified QueueSender.{1}")
    @MethodSource("unidentifiedSenderOps")
    @SpecSection("6.2.15 Closing a session")
    void closedUnidentifiedQueueSender(Closing closing, Op<QueueSender> op) throws Exception {
        openQueue();
        QueueSender sender = qs.createSender(null);
        close(closing, sender, qs, qc);
        assertThatThrownBy(() -> op.apply(sender, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: unidentified TopicPublisher.{1}")
    @MethodSource("unidentifiedPublisherOps")
    @SpecSection("6.2.15 Closing a session")
    void closedUnidentifiedTopicPublisher(Closing closing, Op<TopicPublisher> op) throws Exception {
        openTopic();
        TopicPublisher publisher = ts.createPublisher(null);
        close(closing, publisher, ts, tc);
        assertThatThrownBy(() -> op.apply(publisher, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: QueueReceiver.{1}")
    @MethodSource("receiverOps")
    @SpecSection("8.8 Closing a consumer")
    void closedQueueReceiver(Closing closing, Op<QueueReceiver> op) throws Exception {
        openQueue();
        QueueReceiver receiver = qs.createReceiver(fixture.queue());
        close(closing, receiver, qs, qc);
        assertThatThrownBy(() -> op.apply(receiver, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: TopicSubscriber.{1}")
    @MethodSource("subscriberOps")
    @SpecSection("8.8 Closing a consumer")
    void closedTopicSubscriber(Closing closing, Op<TopicSubscriber> op) throws Exception {
        openTopic();
        TopicSubscriber subscriber = ts.createSubscriber(fixture.topic(), null, true);
        close(closing, subscriber, ts, tc);
        assertThatThrownBy(() -> op.apply(subscriber, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: MessageProducer.{1}")
    @MethodSource("unidentifiedProducerOps")
    @SpecSection("6.2.15 Closing a session")
    void closedUnidentifiedProducer(Closing closing, Op<MessageProducer> op) throws Exception {
        openQueue();
        MessageProducer producer = qs.createProducer(null);
        close(closing, producer, qs, qc);
        assertThatThrownBy(() -> op.apply(producer, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("6.2.2 Creating temporary destinations")
    void temporaryQueueOfAClosedConnectionCannotBeConsumed() throws Exception {
        openQueue();
        TemporaryQueue tmp = qs.createTemporaryQueue();
        qc.close();
        Session other = session();
        assertThatThrownBy(() -> other.createConsumer(tmp)).isInstanceOf(JMSException.class);
    }

    @Test
    @SpecSection("6.2.2 Creating temporary destinations")
    void temporaryTopicOfAClosedConnectionCannotBeConsumed() throws Exception {
        openTopic();
        TemporaryTopic tmp = ts.createTemporaryTopic();
        tc.close();
        Session other = session();
        assertThatThrownBy(() -> other.createConsumer(tmp)).isInstanceOf(JMSException.class);
    }
}
