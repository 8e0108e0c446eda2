package dev.ferrymq.tck.model;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** Chapter 3.4: message header fields, as set by send and seen by the receiver. */
class HeaderFieldsTest extends JmsTestBase {

    @Test
    @SpecSection("3.4.1 JMSDestination")
    void destinationIsSetBySendAndReceived() throws Exception {
        Session s = session();
        Queue q = queue();
        Message m = s.createMessage();
        MessageConsumer c = s.createConsumer(q);
        s.createProducer(q).send(m);
        assertThat(m.getJMSDestination()).isEqualTo(q);
        assertThat(mustReceive(c).getJMSDestination()).isEqualTo(q);
    }

    @Test
    @SpecSection("3.4.2 JMSDeliveryMode")
    void deliveryModeDefaultsToPersistent() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        Message r = roundTrip(s, m);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(r.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
    }

    @Test
    @SpecSection("3.4.2 JMSDeliveryMode")
    void nonPersistentDeliveryModeIsCarried() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        p.send(s.createMessage());
        assertThat(mustReceive(c).getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
    }

    @Test
    @SpecSection("3.4.3 JMSMessageID")
    void messageIdStartsWithIdPrefixAndMatchesReceived() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        Message r = roundTrip(s, m);
        assertThat(m.getJMSMessageID()).startsWith("ID:");
        assertThat(r.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
    }

    @Test
    @SpecSection("3.4.3 JMSMessageID")
    void messageIdsAreUnique() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageProducer p = s.createProducer(q);
        Message a = s.createMessage();
        p.send(a);
        String first = a.getJMSMessageID();
        p.send(a);
        assertThat(a.getJMSMessageID()).isNotEqualTo(first);
    }

    @Test
    @SpecSection("3.4.3 JMSMessageID")
    void disableMessageIdIsOnlyAHintAndDefaultsFalse() throws Exception {
        Session s = session();
        MessageProducer p = s.createProducer(queue());
        assertThat(p.getDisableMessageID()).isFalse();
        p.setDisableMessageID(true);
        assertThat(p.getDisableMessageID()).isTrue();
        Message m = s.createMessage();
        p.send(m);
        assertThat(m.getJMSMessageID()).satisfiesAnyOf(id -> assertThat(id).isNull(), id -> assertThat(id).startsWith("ID:"));
    }

    @Test
    @SpecSection("3.4.4 JMSTimestamp")
    void timestampIsTheTimeOfSend() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        long before = System.currentTimeMillis();
        Message r = roundTrip(s, m);
        long after = System.currentTimeMillis();
        assertThat(m.getJMSTimestamp()).isBetween(before, after);
        assertThat(r.getJMSTimestamp()).isEqualTo(m.getJMSTimestamp());
    }

    @Test
    @SpecSection("3.4.4 JMSTimestamp")
    void disableTimestampDefaultsFalse() throws Exception {
        MessageProducer p = session().createProducer(queue());
        assertThat(p.getDisableMessageTimestamp()).isFalse();
        p.setDisableMessageTimestamp(true);
        assertThat(p.getDisableMessageTimestamp()).isTrue();
    }

    @Test
    @SpecSection("3.4.5 JMSCorrelationID")
    void correlationIdStringIsCarried() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        m.setJMSCorrelationID("order-42");
        assertThat(roundTrip(s, m).getJMSCorrelationID()).isEqualTo("order-42");
    }

    @Test
    @SpecSection("3.4.5 JMSCorrelationID")
    void correlationIdMayBeAMessageId() throws Exception {
        Session s = session();
        Message first = s.createMessage();
        roundTrip(s, first);
        Message reply = s.createMessage();
        reply.setJMSCorrelationID(first.getJMSMessageID());
        assertThat(roundTrip(s, reply).getJMSCorrelationID()).isEqualTo(first.getJMSMessageID());
    }

    @Test
    @SpecSection("3.4.5 JMSCorrelationID")
    void correlationIdIsNullWhenNotSet() throws Exception {
        Session s = session();
        assertThat(roundTrip(s, s.createMessage()).getJMSCorrelationID()).isNull();
    }

    @Test
    @SpecSection("3.4.6 JMSReplyTo")
    void replyToQueueIsCarried() throws Exception {
        Session s = session();
        Queue replyTo = queue();
        Message m = s.createMessage();
        m.setJMSReplyTo(replyTo);
        assertThat(roundTrip(s, m).getJMSReplyTo()).isEqualTo(replyTo);
    }

    @Test
    @SpecSection("3.4.6 JMSReplyTo")
    void replyToTemporaryQueueIsCarriedAndUsable() throws Exception {
        Session s = session();
        Queue replyTo = s.createTemporaryQueue();
        Message m = s.createMessage();
        m.setJMSReplyTo(replyTo);
        Message r = roundTrip(s, m);
        assertThat(r.getJMSReplyTo()).isEqualTo(replyTo);
        MessageConsumer replies = s.createConsumer(replyTo);
        s.createProducer(r.getJMSReplyTo()).send(s.createTextMessage("reply"));
        assertThat(mustReceive(replies)).isNotNull();
    }

    @Test
    @SpecSection("3.4.6 JMSReplyTo")
    void replyToIsNullWhenNotSet() throws Exception {
        Session s = session();
        assertThat(roundTrip(s, s.createMessage()).getJMSReplyTo()).isNull();
    }

    @Test
    @SpecSection("3.4.7 JMSRedelivered")
    void redeliveredIsFalseOnFirstDelivery() throws Exception {
        Session s = session();
        assertThat(roundTrip(s, s.createMessage()).getJMSRedelivered()).isFalse();
    }

    @Test
    @SpecSection("3.4.8 JMSType")
    void typeIsCarried() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        m.setJMSType("invoice");
        assertThat(roundTrip(s, m).getJMSType()).isEqualTo("invoice");
    }

    @Test
    @SpecSection("3.4.9 JMSExpiration")
    void expirationIsZeroWithoutTimeToLive() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        Message r = roundTrip(s, m);
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(r.getJMSExpiration()).isZero();
    }

    @Test
    @SpecSection("3.4.9 JMSExpiration")
    void expirationIsTimestampPlusTimeToLive() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        p.setTimeToLive(60_000);
        Message m = s.createMessage();
        p.send(m);
        assertTimeOfSend(m.getJMSExpiration(), m, 60_000, "JMSExpiration");
        assertThat(mustReceive(c).getJMSExpiration()).isEqualTo(m.getJMSExpiration());
    }

    @Test
    @SpecSection("3.4.10 JMSPriority")
    void priorityDefaultsToFour() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        Message r = roundTrip(s, m);
        assertThat(m.getJMSPriority()).isEqualTo(4);
        assertThat(r.getJMSPriority()).isEqualTo(4);
    }

    @Test
    @SpecSection("3.4.10 JMSPriority")
    void prioritySetOnProducerIsCarried() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        p.setPriority(9);
        p.send(s.createMessage());
        assertThat(mustReceive(c).getJMSPriority()).isEqualTo(9);
    }

    @Test
    @SpecSection("3.4.11 How message header values are set")
    void sendOverridesHeaderValuesSetByTheClient() throws Exception {
        Session s = session();
        Queue q = queue();
        Queue other = queue();
        Message m = s.createMessage();
        m.setJMSDestination(other);
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSPriority(1);
        m.setJMSExpiration(1234);
        m.setJMSTimestamp(1);
        m.setJMSMessageID("ID:client-chosen");
        MessageConsumer c = s.createConsumer(q);
        s.createProducer(q).send(m);
        Message r = mustReceive(c);
        assertThat(r.getJMSDestination()).isEqualTo(q);
        assertThat(r.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(r.getJMSPriority()).isEqualTo(4);
        assertThat(r.getJMSExpiration()).isZero();
        assertThat(r.getJMSTimestamp()).isNotEqualTo(1);
        assertThat(r.getJMSMessageID()).isNotEqualTo("ID:client-chosen");
    }

    @Test
    @SpecSection("3.4.11 How message header values are set")
    void sendWithExplicitDeliveryModePriorityAndTimeToLive() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        Message m = s.createMessage();
        s.createProducer(q).send(m, DeliveryMode.NON_PERSISTENT, 7, 30_000);
        Message r = mustReceive(c);
        assertThat(r.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(r.getJMSPriority()).isEqualTo(7);
        assertTimeOfSend(r.getJMSExpiration(), m, 30_000, "JMSExpiration");
    }

    @Test
    @SpecSection("3.4.13 JMSDeliveryTime")
    void sentMessageDeliveryTimeEqualsTimestampWithoutDelay() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        roundTrip(s, m);
        assertTimeOfSend(m.getJMSDeliveryTime(), m, 0, "JMSDeliveryTime");
    }

    @Test
    @SpecSection("3.4.13 JMSDeliveryTime")
    void receivedMessageDeliveryTimeEqualsTimestampWithoutDelay() throws Exception {
        Session s = session();
        Message r = roundTrip(s, s.createMessage());
        assertTimeOfSend(r.getJMSDeliveryTime(), r, 0, "JMSDeliveryTime");
    }

    @Test
    @SpecSection("3.4.13 JMSDeliveryTime")
    void deliveryTimeIsTimestampPlusDeliveryDelay() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(200);
        Message m = s.createMessage();
        p.send(m);
        assertTimeOfSend(m.getJMSDeliveryTime(), m, 200, "JMSDeliveryTime");
        assertThat(mustReceive(c).getJMSDeliveryTime()).isEqualTo(m.getJMSDeliveryTime());
    }

    @Test
    @SpecSection("3.9 Access to sent messages")
    void sentMessageMayBeModifiedAndResentWithoutAffectingTheFirst() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        jakarta.jms.TextMessage m = s.createTextMessage("one");
        p.send(m);
        m.setText("two");
        m.setStringProperty("p", "x");
        p.send(m);
        jakarta.jms.TextMessage first = (jakarta.jms.TextMessage) mustReceive(c);
        jakarta.jms.TextMessage second = (jakarta.jms.TextMessage) mustReceive(c);
        assertThat(first.getText()).isEqualTo("one");
        assertThat(first.propertyExists("p")).isFalse();
        assertThat(second.getText()).isEqualTo("two");
        assertThat(second.getStringProperty("p")).isEqualTo("x");
    }
}
