package dev.ferrymq.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** Javadoc Message.getBody / isBodyAssignableTo, on received messages of every type. */
@SpecSection("3.11 Jakarta Messaging message body")
class GetBodyTest extends JmsTestBase {

    @Test
    void textBodyAsStringAndSupertypes() throws Exception {
        Session s = session();
        Message r = roundTrip(s, s.createTextMessage("t"));
        assertThat(r.getBody(String.class)).isEqualTo("t");
        assertThat(r.getBody(CharSequence.class)).isEqualTo("t");
        assertThat(r.isBodyAssignableTo(String.class)).isTrue();
        assertThat(r.isBodyAssignableTo(Object.class)).isTrue();
    }

    @Test
    void textBodyAsWrongTypeIsRejected() throws Exception {
        Session s = session();
        Message r = roundTrip(s, s.createTextMessage("t"));
        assertThat(r.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> r.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void bytesBodyAsByteArray() throws Exception {
        Session s = session();
        BytesMessage m = s.createBytesMessage();
        m.writeBytes(new byte[] {1, 2});
        Message r = roundTrip(s, m);
        assertThat(r.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(r.getBody(byte[].class)).containsExactly(1, 2);
        assertThat(r.getBody(byte[].class)).as("getBody resets the message before and after use").containsExactly(1, 2);
        assertThat(((BytesMessage) r).readByte()).isEqualTo((byte) 1);
    }

    @Test
    void bytesBodyAsWrongTypeIsRejected() throws Exception {
        Session s = session();
        BytesMessage m = s.createBytesMessage();
        m.writeBytes(new byte[] {1});
        Message r = roundTrip(s, m);
        assertThat(r.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> r.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void mapBodyAsMap() throws Exception {
        Session s = session();
        MapMessage m = s.createMapMessage();
        m.setInt("a", 1);
        Message r = roundTrip(s, m);
        assertThat(r.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(r.getBody(Map.class)).containsEntry("a", 1);
        assertThatThrownBy(() -> r.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void objectBodyAsSerializableAndItsClass() throws Exception {
        Session s = session();
        Message r = roundTrip(s, s.createObjectMessage(Integer.valueOf(3)));
        assertThat(r.getBody(Serializable.class)).isEqualTo(3);
        assertThat(r.getBody(Integer.class)).isEqualTo(3);
        assertThat(r.isBodyAssignableTo(Integer.class)).isTrue();
        assertThat(r.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> r.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void streamMessageBodyIsNeverAssignable() throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeInt(1);
        Message r = roundTrip(s, m);
        assertThat(r.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> r.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void plainMessageBodyIsNullForAnyType() throws Exception {
        Session s = session();
        Message r = roundTrip(s, s.createMessage());
        assertThat(r.getBody(String.class)).isNull();
        assertThat(r.isBodyAssignableTo(Integer.class)).isTrue();
    }

    /** The four message types whose body may be empty. */
    enum EmptyBody {
        TEXT, OBJECT, BYTES, MAP;

        Message create(Session s) throws jakarta.jms.JMSException {
            return switch (this) {
                case TEXT -> s.createTextMessage();
                case OBJECT -> s.createObjectMessage();
                case BYTES -> s.createBytesMessage();
                case MAP -> s.createMapMessage();
            };
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EmptyBody.class)
    void emptyBodyIsNullForAnyType(EmptyBody type) throws Exception {
        Session s = session();
        assertThat(roundTrip(s, type.create(s)).getBody(Integer.class)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EmptyBody.class)
    void emptyBodyIsAssignableToAnyType(EmptyBody type) throws Exception {
        Session s = session();
        assertThat(roundTrip(s, type.create(s)).isBodyAssignableTo(Integer.class)).isTrue();
    }
}
