package dev.ferrymq.client.message;

import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ferrymq.client.message.MessageTestSupport.names;
import static dev.ferrymq.client.message.MessageTestSupport.receive;
import static dev.ferrymq.client.message.MessageTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForeignMessageTest {

    @Test
    @DisplayName("3.12 Provider implementations: a foreign TextMessage is copied with every header and property")
    void text() throws JMSException {
        ForeignDoubles.Text f = new ForeignDoubles.Text();
        f.setText("hi");
        f.setJMSMessageID("ID:f");
        f.setJMSTimestamp(11);
        f.setJMSCorrelationID("c");
        f.setJMSReplyTo((Topic) () -> "their-topic");
        f.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        f.setJMSType("ty");
        f.setJMSExpiration(22);
        f.setJMSDeliveryTime(33);
        f.setJMSPriority(8);
        f.setIntProperty("i", 1);
        f.setStringProperty("s", "v");
        f.setIntProperty("JMSXDeliveryCount", 5);
        MessageData data = send(f);
        assertThat(data.bodyType()).isEqualTo(BodyType.TEXT);
        assertThat(data.properties()).isEqualTo(Map.of("i", 1, "s", "v"));
        assertThat(data.replyTo()).isEqualTo(DestinationRef.topic("their-topic"));
        TextMessage r = receive(data);
        assertThat(r.getText()).isEqualTo("hi");
        assertThat(r.getJMSMessageID()).isEqualTo("ID:f");
        assertThat(r.getJMSTimestamp()).isEqualTo(11);
        assertThat(r.getJMSCorrelationID()).isEqualTo("c");
        assertThat(((Topic) r.getJMSReplyTo()).getTopicName()).isEqualTo("their-topic");
        assertThat(r.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(r.getJMSType()).isEqualTo("ty");
        assertThat(r.getJMSExpiration()).isEqualTo(22);
        assertThat(r.getJMSDeliveryTime()).isEqualTo(33);
        assertThat(r.getJMSPriority()).isEqualTo(8);
        assertThat(r.getJMSDestination()).isEqualTo(new FerryQueue("orders"));
        assertThat(r.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(names(r.getPropertyNames())).containsExactlyInAnyOrder("i", "s", "JMSXDeliveryCount");
    }

    @Test
    @DisplayName("3.12 Provider implementations: a foreign message is copied at send; later changes to it are not seen")
    void copiedAtSend() throws JMSException {
        ForeignDoubles.MapMsg f = new ForeignDoubles.MapMsg();
        byte[] bytes = {1, 2};
        f.setBytes("b", bytes);
        f.setInt("i", 1);
        f.setStringProperty("p", "x");
        MessageData data = send(f);
        bytes[0] = 9;
        f.setInt("i", 2);
        f.setStringProperty("p", "y");
        MapMessage r = receive(data);
        assertThat(r.getBytes("b")).containsExactly(1, 2);
        assertThat(r.getInt("i")).isEqualTo(1);
        assertThat(r.getStringProperty("p")).isEqualTo("x");
        assertThat(names(r.getMapNames())).containsExactly("b", "i");
    }

    @Test
    @DisplayName("3.12 Provider implementations: a foreign BytesMessage is reset, read fully (in chunks) and left reset")
    void bytes() throws JMSException {
        ForeignDoubles.Bytes f = new ForeignDoubles.Bytes();
        f.body = new byte[] {1, 2, 3, 4, 5, 6, 7};
        f.position = 4;
        MessageData data = send(f);
        assertThat(f.position).isZero();
        assertThat(f.resets).isEqualTo(2);
        BytesMessage r = receive(data);
        assertThat(r.getBodyLength()).isEqualTo(7);
        assertThat(r.getBody(byte[].class)).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    @DisplayName("3.12 Provider implementations: a foreign StreamMessage is read with readObject until MessageEOFException")
    void stream() throws JMSException {
        ForeignDoubles.Stream f = new ForeignDoubles.Stream();
        f.writeInt(1);
        f.writeString(null);
        f.writeBytes(new byte[] {3});
        f.writeChar('c');
        f.position = 2;
        StreamMessage r = receive(send(f));
        assertThat(f.position).isZero();
        assertThat(r.readInt()).isEqualTo(1);
        assertThat(r.readString()).isNull();
        assertThat(r.readObject()).isEqualTo(new byte[] {3});
        assertThat(r.readChar()).isEqualTo('c');
    }

    @Test
    @DisplayName("3.12 Provider implementations: a foreign ObjectMessage's object is serialized at send")
    void object() throws JMSException {
        ForeignDoubles.ObjectMsg f = new ForeignDoubles.ObjectMsg();
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        f.setObject(list);
        MessageData data = send(f);
        list.add("b");
        ObjectMessage r = receive(data);
        assertThat(r.getObject()).isEqualTo(List.of("a"));
        ForeignDoubles.ObjectMsg empty = new ForeignDoubles.ObjectMsg();
        assertThat(send(empty).body()).isNull();
    }

    @Test
    @DisplayName("3.12 Provider implementations: a foreign plain Message has no body")
    void plain() throws JMSException {
        ForeignDoubles.Plain f = new ForeignDoubles.Plain();
        MessageData data = send(f);
        assertThat(data.bodyType()).isEqualTo(BodyType.NONE);
        Message r = receive(data);
        assertThat(r).isNotInstanceOf(TextMessage.class);
        assertThat(r.getPropertyNames().hasMoreElements()).isTrue();
    }

    @Test
    @DisplayName("3.4.5 JMSCorrelationID: a foreign byte[] correlation ID is kept; UnsupportedOperationException means none")
    void foreignCorrelationBytes() throws JMSException {
        ForeignDoubles.Plain f = new ForeignDoubles.Plain();
        f.setJMSCorrelationIDAsBytes(new byte[] {65, 66});
        Message r = receive(send(f));
        assertThat(r.getJMSCorrelationIDAsBytes()).containsExactly(65, 66);
        assertThat(r.getJMSCorrelationID()).isEqualTo("AB");
        ForeignDoubles.Plain unsupported = new ForeignDoubles.Plain();
        unsupported.bytesUnsupported = true;
        assertThat(send(unsupported).correlationIdBytes()).isNull();
    }

    @Test
    @DisplayName("3.5.5 Property values as objects: a foreign property of an invalid type -> MessageFormatException")
    void foreignInvalidProperty() {
        ForeignDoubles.Plain f = new ForeignDoubles.Plain();
        f.setObjectProperty("bad", new Object());
        assertThatThrownBy(() -> send(f)).isInstanceOf(MessageFormatException.class);
        ForeignDoubles.MapMsg m = new ForeignDoubles.MapMsg();
        m.setObject("bad", List.of());
        assertThatThrownBy(() -> send(m)).isInstanceOf(MessageFormatException.class);
    }
}
