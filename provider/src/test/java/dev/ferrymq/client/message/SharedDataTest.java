package dev.ferrymq.client.message;

import dev.ferrymq.spi.MessageData;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
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

/** MessageData is immutable and shared; messages over it are independent (copy-on-write). */
class SharedDataTest {

    @Test
    @DisplayName("3.9 Access to sent messages: changing the sender's message after toData leaves the data as sent")
    void senderChangesAfterSend() throws JMSException {
        MapMessage m = Messages.newMapMessage();
        m.setInt("a", 1);
        m.setBytes("b", new byte[] {1});
        m.setStringProperty("p", "v1");
        m.setJMSType("t1");
        MessageData data = send(m);
        m.setInt("a", 2);
        m.setBytes("b", new byte[] {2});
        m.setStringProperty("p", "v2");
        m.setStringProperty("q", "new");
        m.setJMSType("t2");
        m.clearBody();
        MapMessage r = receive(data);
        assertThat(r.getInt("a")).isEqualTo(1);
        assertThat(r.getBytes("b")).containsExactly(1);
        assertThat(r.getStringProperty("p")).isEqualTo("v1");
        assertThat(r.propertyExists("q")).isFalse();
        assertThat(r.getJMSType()).isEqualTo("t1");
        assertThat(data.properties()).isEqualTo(Map.of("p", "v1"));
    }

    @Test
    @DisplayName("3.9 Access to sent messages: a BytesMessage whose exactly full buffer went out with a send copies it before the next write")
    void bytesBufferSharedUntilNextWrite() throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4});
        MessageData first = send(m);
        m.writeByte((byte) 5);
        MessageData second = send(m);
        m.clearBody();
        m.writeBytes(new byte[] {9, 9, 9, 9});
        m.reset();
        MessageData third = send(m);
        assertThat((byte[]) first.body()).containsExactly(1, 2, 3, 4);
        assertThat((byte[]) second.body()).containsExactly(1, 2, 3, 4, 5);
        assertThat((byte[]) third.body()).containsExactly(9, 9, 9, 9);
        BytesMessage r = receive(first);
        byte[] read = new byte[8];
        assertThat(r.readBytes(read)).isEqualTo(4);
    }

    @Test
    @DisplayName("3.9 Access to sent messages: one message sent twice gives two independent snapshots")
    void sentTwice() throws JMSException {
        TextMessage m = Messages.newTextMessage();
        m.setText("one");
        m.setIntProperty("n", 1);
        MessageData first = send(m);
        m.setText("two");
        m.setIntProperty("n", 2);
        MessageData second = send(m);
        assertThat(first.body()).isEqualTo("one");
        assertThat(first.properties()).containsEntry("n", 1);
        assertThat(second.body()).isEqualTo("two");
        assertThat(second.properties()).containsEntry("n", 2);
    }

    @Test
    @DisplayName("MessageData immutability: properties and Map/Stream bodies cannot be changed through the data")
    void dataUnmodifiable() throws JMSException {
        Message m = Messages.newMessage();
        m.setIntProperty("a", 1);
        MessageData data = send(m);
        assertThatThrownBy(() -> data.properties().put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        StreamMessage s = Messages.newStreamMessage();
        s.writeInt(1);
        @SuppressWarnings("unchecked")
        List<Object> fields = (List<Object>) send(s).body();
        assertThatThrownBy(() -> fields.add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("3.10 Changing the value of a received message: two messages over one MessageData are independent")
    void twoReceivedIndependent() throws JMSException {
        MapMessage sent = Messages.newMapMessage();
        sent.setInt("a", 1);
        sent.setIntProperty("p", 1);
        MessageData data = send(sent);
        MapMessage one = receive(data);
        MapMessage two = receive(data);
        one.clearBody();
        one.setInt("a", 99);
        one.clearProperties();
        one.setIntProperty("p", 99);
        one.setJMSType("changed");
        assertThat(two.getInt("a")).isEqualTo(1);
        assertThat(two.getIntProperty("p")).isEqualTo(1);
        assertThat(two.getJMSType()).isNull();
        MapMessage third = receive(data);
        assertThat(third.getBody(Map.class)).isEqualTo(Map.of("a", 1));
        MapMessage resent = receive(send(one));
        assertThat(resent.getInt("a")).isEqualTo(99);
    }

    @Test
    @DisplayName("3.10 Changing the value of a received message: Bytes and Stream cursors are per message")
    void cursorsPerMessage() throws JMSException {
        BytesMessage b = Messages.newBytesMessage();
        b.writeInt(1);
        b.writeInt(2);
        MessageData bytes = send(b);
        BytesMessage b1 = receive(bytes);
        BytesMessage b2 = receive(bytes);
        assertThat(b1.readInt()).isEqualTo(1);
        assertThat(b1.readInt()).isEqualTo(2);
        assertThat(b2.readInt()).isEqualTo(1);

        StreamMessage s = Messages.newStreamMessage();
        s.writeInt(1);
        s.writeInt(2);
        MessageData stream = send(s);
        StreamMessage s1 = receive(stream);
        StreamMessage s2 = receive(stream);
        assertThat(s1.readInt()).isEqualTo(1);
        s1.clearBody();
        s1.writeInt(3);
        assertThat(s2.readInt()).isEqualTo(1);
        assertThat(s2.readInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("Zero-copy receive: a received message reads the data's body and properties without copying them")
    void zeroCopyReceive() throws JMSException {
        BytesMessage b = Messages.newBytesMessage();
        b.writeInt(1);
        b.setIntProperty("p", 1);
        MessageData data = send(b);
        BytesMessage r = receive(data);
        MessageData resent = send(r);
        assertThat(resent.body()).isSameAs(data.body());
        assertThat(resent.properties()).isEqualTo(data.properties());
    }

    @Test
    @DisplayName("3.10 Changing the value of a received message: re-sending after clearBody/clearProperties sends the changes")
    void resendChanged() throws JMSException {
        ObjectMessage o = Messages.newObjectMessage();
        o.setObject(new ArrayList<>(List.of(1)));
        o.setStringProperty("p", "x");
        ObjectMessage r = receive(send(o));
        r.clearBody();
        r.setObject("new");
        r.clearProperties();
        r.setBooleanProperty("q", true);
        ObjectMessage again = receive(send(r));
        assertThat(again.getObject()).isEqualTo("new");
        assertThat(names(again.getPropertyNames())).containsExactlyInAnyOrder("q", "JMSXDeliveryCount");
        assertThat(again.getBooleanProperty("q")).isTrue();
    }
}
