package dev.ferrymq.client.message;

import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTemporaryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ferrymq.client.message.MessageTestSupport.receive;
import static dev.ferrymq.client.message.MessageTestSupport.roundTrip;
import static dev.ferrymq.client.message.MessageTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageHeaderTest {

    @Test
    @DisplayName("3.4 Message header fields: a new message has the defaults (PERSISTENT, priority 4, nothing else)")
    void defaults() throws JMSException {
        Message m = Messages.newMessage();
        assertThat(m.getJMSMessageID()).isNull();
        assertThat(m.getJMSTimestamp()).isZero();
        assertThat(m.getJMSCorrelationID()).isNull();
        assertThat(m.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(m.getJMSReplyTo()).isNull();
        assertThat(m.getJMSDestination()).isNull();
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(m.getJMSRedelivered()).isFalse();
        assertThat(m.getJMSType()).isNull();
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(m.getJMSDeliveryTime()).isZero();
        assertThat(m.getJMSPriority()).isEqualTo(4);
    }

    @Test
    @DisplayName("3.4.11 How message header values are set: every header survives toData -> received")
    void roundTripAllHeaders() throws JMSException {
        Message m = Messages.newTextMessage();
        m.setJMSMessageID("ID:1");
        m.setJMSTimestamp(1000L);
        m.setJMSCorrelationID("corr");
        m.setJMSReplyTo(new FerryTopic("replies"));
        m.setJMSDestination(new FerryQueue("orders"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSType("car");
        m.setJMSExpiration(5000L);
        m.setJMSDeliveryTime(2000L);
        m.setJMSPriority(7);

        MessageData data = send(m);
        assertThat(data.messageId()).isEqualTo("ID:1");
        assertThat(data.persistent()).isFalse();
        assertThat(data.replyTo()).isEqualTo(DestinationRef.topic("replies"));
        assertThat(data.destination()).isEqualTo(MessageTestSupport.QUEUE);

        Message r = receive(data);
        assertThat(r.getJMSMessageID()).isEqualTo("ID:1");
        assertThat(r.getJMSTimestamp()).isEqualTo(1000L);
        assertThat(r.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(r.getJMSReplyTo()).isEqualTo(new FerryTopic("replies"));
        assertThat(r.getJMSDestination()).isEqualTo(new FerryQueue("orders"));
        assertThat(r.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(r.getJMSType()).isEqualTo("car");
        assertThat(r.getJMSExpiration()).isEqualTo(5000L);
        assertThat(r.getJMSDeliveryTime()).isEqualTo(2000L);
        assertThat(r.getJMSPriority()).isEqualTo(7);
        assertThat(r.getJMSRedelivered()).isFalse();
    }

    @Test
    @DisplayName("3.4.1 JMSDestination: toData takes the destination the send names, whatever the message says")
    void destinationFromSend() throws JMSException {
        Message m = Messages.newMessage();
        m.setJMSDestination(new FerryQueue("elsewhere"));
        MessageData data = Messages.toData(m, DestinationRef.topic("news"));
        assertThat(data.destination()).isEqualTo(DestinationRef.topic("news"));
        assertThat(receive(data).getJMSDestination()).isEqualTo(new FerryTopic("news"));
    }

    @Test
    @DisplayName("3.4.6 JMSReplyTo: a temporary queue stays temporary; a foreign Queue is taken by name")
    void replyToKinds() throws JMSException {
        Message m = Messages.newMessage();
        m.setJMSReplyTo(new FerryTemporaryQueue("tmp-1", null));
        Destination replyTo = roundTrip(m).getJMSReplyTo();
        assertThat(replyTo).isInstanceOf(FerryTemporaryQueue.class);
        assertThat(((Queue) replyTo).getQueueName()).isEqualTo("tmp-1");

        Queue foreign = () -> "their-queue";
        m.setJMSReplyTo(foreign);
        assertThat(send(m).replyTo()).isEqualTo(new DestinationRef(DestinationType.QUEUE, "their-queue"));
    }

    @Test
    @DisplayName("3.4.6 JMSReplyTo: a destination that is neither Queue nor Topic cannot be sent (InvalidDestinationException)")
    void replyToUnsupported() throws JMSException {
        Message m = Messages.newMessage();
        m.setJMSReplyTo(new Destination() { });
        assertThatThrownBy(() -> send(m)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @DisplayName("3.4.5 JMSCorrelationID: bytes are copied in and out and survive a send")
    void correlationIdBytes() throws JMSException {
        Message m = Messages.newMessage();
        byte[] id = {1, 2, 3};
        m.setJMSCorrelationIDAsBytes(id);
        id[0] = 9;
        byte[] out = m.getJMSCorrelationIDAsBytes();
        assertThat(out).containsExactly(1, 2, 3);
        out[1] = 9;
        assertThat(m.getJMSCorrelationIDAsBytes()).containsExactly(1, 2, 3);

        Message r = roundTrip(m);
        assertThat(r.getJMSCorrelationIDAsBytes()).containsExactly(1, 2, 3);
        r.getJMSCorrelationIDAsBytes()[0] = 7;
        assertThat(r.getJMSCorrelationIDAsBytes()).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("3.4.5 JMSCorrelationID: String and bytes forms are views of one value, the last set wins")
    void correlationIdForms() throws JMSException {
        Message m = Messages.newMessage();
        m.setJMSCorrelationIDAsBytes("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(m.getJMSCorrelationID()).isEqualTo("abc");
        assertThat(send(m).correlationIdBytes()).containsExactly('a', 'b', 'c');
        m.setJMSCorrelationID("ID:x");
        assertThat(m.getJMSCorrelationIDAsBytes()).isEqualTo("ID:x".getBytes(StandardCharsets.UTF_8));
        MessageData data = send(m);
        assertThat(data.correlationId()).isEqualTo("ID:x");
        assertThat(data.correlationIdBytes()).isNull();
        m.setJMSCorrelationIDAsBytes(null);
        assertThat(m.getJMSCorrelationID()).isNull();
        assertThat(m.getJMSCorrelationIDAsBytes()).isNull();
    }

    @Test
    @DisplayName("3.4.7 JMSRedelivered: true when the delivery count is above 1")
    void redelivered() throws JMSException {
        MessageData data = send(Messages.newMessage());
        assertThat(Messages.received(data, 1, null).getJMSRedelivered()).isFalse();
        assertThat(Messages.received(data, 2, null).getJMSRedelivered()).isTrue();
        assertThat(Messages.received(data, 2, null).getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    @DisplayName("3.10 Changing the value of a received message: header fields stay settable")
    void receivedHeadersSettable() throws JMSException {
        Message r = roundTrip(Messages.newTextMessage());
        r.setJMSType("changed");
        r.setJMSCorrelationID("c2");
        r.setJMSReplyTo(new FerryQueue("r2"));
        r.setJMSPriority(1);
        r.setJMSRedelivered(false);
        r.setJMSDestination(new FerryTopic("t"));
        assertThat(r.getJMSType()).isEqualTo("changed");
        assertThat(r.getJMSCorrelationID()).isEqualTo("c2");
        assertThat(r.getJMSReplyTo()).isEqualTo(new FerryQueue("r2"));
        assertThat(r.getJMSPriority()).isEqualTo(1);
        assertThat(r.getJMSDestination()).isEqualTo(new FerryTopic("t"));
    }

    @Test
    @DisplayName("3.6 Message acknowledgment: acknowledge calls the receiving session's acknowledger; no-op when never received")
    void acknowledge() throws JMSException {
        AtomicInteger acks = new AtomicInteger();
        Message r = Messages.received(send(Messages.newMessage()), 1, acks::incrementAndGet);
        r.acknowledge();
        r.acknowledge();
        assertThat(acks).hasValue(2);
        Messages.newMessage().acknowledge();
        Messages.received(send(Messages.newMessage()), 1, null).acknowledge();
    }

    @Test
    @DisplayName("3.6 Message acknowledgment: the acknowledger's exception reaches the caller")
    void acknowledgeFailure() throws JMSException {
        Message r = Messages.received(send(Messages.newMessage()), 1, () -> {
            throw new jakarta.jms.IllegalStateException("session closed");
        });
        assertThatThrownBy(r::acknowledge).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    @DisplayName("3.12 Provider implementations: toData(null) is an invalid message (MessageFormatException)")
    void nullMessage() {
        assertThatThrownBy(() -> Messages.toData(null, MessageTestSupport.QUEUE))
                .isInstanceOf(jakarta.jms.MessageFormatException.class);
    }
}
