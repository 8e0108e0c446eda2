package dev.ferrymq.client.message;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ferrymq.client.message.MessageTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectAndTextMessageTest {

    @Test
    @DisplayName("ObjectMessage.setObject: a snapshot; later changes to the object do not reach the message")
    void snapshot() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        ObjectMessage m = Messages.newObjectMessage();
        m.setObject(list);
        list.add("b");
        assertThat(m.getObject()).isEqualTo(List.of("a"));
        assertThat(roundTrip(m).getObject()).isEqualTo(List.of("a"));
    }

    @Test
    @DisplayName("3.12 Provider implementations: getObject returns a fresh copy each time")
    void freshCopies() throws JMSException {
        ObjectMessage m = Messages.newObjectMessage();
        m.setObject(new ArrayList<>(List.of("a")));
        ObjectMessage r = roundTrip(m);
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) r.getObject();
        first.add("changed");
        assertThat(r.getObject()).isEqualTo(List.of("a")).isNotSameAs(first);
        assertThat(r.getBody(List.class)).isEqualTo(List.of("a"));
    }

    @Test
    @DisplayName("ObjectMessage.setObject: serialization failure -> MessageFormatException, body unchanged")
    void notSerializable() throws JMSException {
        ObjectMessage m = Messages.newObjectMessage();
        m.setObject("before");
        ArrayList<Object> holder = new ArrayList<>();
        holder.add(new Object());
        assertThatThrownBy(() -> m.setObject(holder)).isInstanceOf(MessageFormatException.class);
        assertThat(m.getObject()).isEqualTo("before");
    }

    @Test
    @DisplayName("ObjectMessage.getObject: deserialization failure -> MessageFormatException; isBodyAssignableTo false")
    void notDeserializable() throws JMSException {
        ObjectMessage m = Messages.newObjectMessage();
        m.setObject(new FailsOnRead());
        ObjectMessage r = roundTrip(m);
        assertThatThrownBy(r::getObject).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> r.getBody(Serializable.class)).isInstanceOf(MessageFormatException.class);
        assertThat(r.isBodyAssignableTo(Serializable.class)).isFalse();
    }

    @Test
    @DisplayName("Message.getBody: ObjectMessage -> the object for its class or a supertype, else MessageFormatException")
    void objectGetBody() throws JMSException {
        ObjectMessage m = Messages.newObjectMessage();
        assertThat(m.getBody(Map.class)).isNull();
        assertThat(m.isBodyAssignableTo(Map.class)).isTrue();
        m.setObject(7L);
        assertThat(m.getBody(Long.class)).isEqualTo(7L);
        assertThat(m.getBody(Number.class)).isEqualTo(7L);
        assertThat(m.getBody(Serializable.class)).isEqualTo(7L);
        assertThat(m.isBodyAssignableTo(Number.class)).isTrue();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
        m.setObject(null);
        assertThat(m.getObject()).isNull();
        assertThat(roundTrip(m).getObject()).isNull();
    }

    @Test
    @DisplayName("3.11.2 Read-only message body: ObjectMessage received read-only, writable after clearBody")
    void objectReadOnly() throws JMSException {
        ObjectMessage m = Messages.newObjectMessage();
        m.setObject("x");
        ObjectMessage r = roundTrip(m);
        assertThatThrownBy(() -> r.setObject("y")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(r.getObject()).isEqualTo("x");
        r.clearBody();
        assertThat(r.getObject()).isNull();
        r.setObject("y");
        assertThat(roundTrip(r).getObject()).isEqualTo("y");
    }

    @Test
    @DisplayName("TextMessage: text round-trips; default null; received read-only until clearBody")
    void text() throws JMSException {
        TextMessage m = Messages.newTextMessage();
        assertThat(m.getText()).isNull();
        m.setText("hello");
        TextMessage r = roundTrip(m);
        assertThat(r.getText()).isEqualTo("hello");
        assertThatThrownBy(() -> r.setText("x")).isInstanceOf(MessageNotWriteableException.class);
        r.clearBody();
        assertThat(r.getText()).isNull();
        r.setText("again");
        assertThat(roundTrip(r).getText()).isEqualTo("again");
        m.setText(null);
        assertThat(roundTrip(m).getText()).isNull();
    }

    @Test
    @DisplayName("Message.getBody: TextMessage -> String or a supertype, else MessageFormatException; null text is no body")
    void textGetBody() throws JMSException {
        TextMessage m = Messages.newTextMessage();
        assertThat(m.getBody(Integer.class)).isNull();
        assertThat(m.isBodyAssignableTo(Integer.class)).isTrue();
        m.setText("t");
        assertThat(m.getBody(String.class)).isEqualTo("t");
        assertThat(m.getBody(CharSequence.class)).isEqualTo("t");
        assertThat(m.getBody(Object.class)).isEqualTo("t");
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> roundTrip(m).getBody(byte[].class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("Message.getBody: a plain Message has no body: null for any type, always assignable")
    void plainGetBody() throws JMSException {
        Message m = Messages.newMessage();
        assertThat(m.getBody(String.class)).isNull();
        assertThat(m.isBodyAssignableTo(byte[].class)).isTrue();
        Message r = roundTrip(m);
        assertThat(r.getBody(Map.class)).isNull();
        assertThat(r.isBodyAssignableTo(Long.class)).isTrue();
        r.clearBody();
        assertThat(r).isNotInstanceOf(TextMessage.class);
    }

    /** Serializes fine, but refuses to be read back. */
    static final class FailsOnRead implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException {
            throw new IOException("refused");
        }
    }
}
