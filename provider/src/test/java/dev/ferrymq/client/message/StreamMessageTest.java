package dev.ferrymq.client.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.ferrymq.client.message.MessageTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamMessageTest {

    static List<Arguments> cells() {
        return ValueType.mapStreamCells();
    }

    @ParameterizedTest(name = "{0} read as {1}: supported={2}")
    @MethodSource("cells")
    @DisplayName("3.11.3 Conversions provided by StreamMessage and MapMessage: every StreamMessage cell; a failed read keeps the position")
    void conversionTable(ValueType from, ValueType to, boolean supported) throws JMSException {
        StreamMessage sent = Messages.newStreamMessage();
        from.write(sent, from.sample);
        sent.writeString("next");
        sent.reset();
        StreamMessage received = roundTrip(sent);
        for (StreamMessage m : List.of(sent, received)) {
            if (supported) {
                assertThat(to.read(m)).isEqualTo(to.expectedFrom(from.sample));
            } else {
                assertThatThrownBy(() -> to.read(m)).isInstanceOf(MessageFormatException.class);
                assertThat(m.readObject()).isEqualTo(from.sample);
            }
            assertThat(m.readString()).isEqualTo("next");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ValueType.class, names = {"BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE"})
    @DisplayName("3.11.3 Conversions: an unparsable String throws NumberFormatException and the position stays")
    void unparsableString(ValueType to) throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        m.writeString("x1");
        m.reset();
        assertThatThrownBy(() -> to.read(m)).isInstanceOf(NumberFormatException.class);
        assertThat(m.readString()).isEqualTo("x1");
    }

    @Test
    @DisplayName("3.11.3 Conversions: a null value reads as valueOf(null): false, NumberFormatException, NullPointerException, null")
    void nullValues() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        m.writeString(null);
        m.writeObject(null);
        m.reset();
        assertThatThrownBy(m::readByte).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readShort).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readLong).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readFloat).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(m::readDouble).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(m::readChar).isInstanceOf(NullPointerException.class);
        assertThat(m.readBoolean()).isFalse();
        assertThat(m.readString()).isNull();
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
        m.reset();
        assertThat(m.readObject()).isNull();
        assertThat(m.readBytes(new byte[4])).isEqualTo(-1);
    }

    @Test
    @DisplayName("3.11.3 Conversions: readObject returns the objectified type; byte[] as a copy")
    void readObject() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        for (ValueType type : ValueType.values()) {
            type.write(m, type.sample);
        }
        m.reset();
        for (ValueType type : ValueType.values()) {
            Object o = m.readObject();
            assertThat(o).isEqualTo(type.sample);
            if (o instanceof byte[] bytes) {
                assertThat(bytes).isNotSameAs(type.sample);
            } else {
                assertThat(o).isExactlyInstanceOf(type.sample.getClass());
            }
        }
    }

    @Test
    @DisplayName("StreamMessage.writeObject: objectified primitives, String, byte[] only (MessageFormatException)")
    void writeObjectTypes() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(List.of())).isInstanceOf(MessageFormatException.class);
        m.writeObject('x');
        m.writeObject(new byte[] {1});
        m.reset();
        assertThat(m.readChar()).isEqualTo('x');
        assertThat(m.readObject()).isEqualTo(new byte[] {1});
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    @DisplayName("StreamMessage.writeBytes: the array is copied; a portion writes one field")
    void writeBytesCopies() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        byte[] data = {1, 2, 3, 4};
        m.writeBytes(data);
        m.writeBytes(data, 1, 2);
        data[0] = 9;
        m.reset();
        assertThat(m.readObject()).isEqualTo(new byte[] {1, 2, 3, 4});
        assertThat(m.readObject()).isEqualTo(new byte[] {2, 3});
        assertThatThrownBy(() -> Messages.newStreamMessage().writeBytes(data, 3, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("StreamMessage.readBytes: a field read in chunks; exactly filling the buffer needs one more call that returns -1")
    void readBytesChunks() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4, 5});
        m.writeBytes(new byte[] {6, 7, 8, 9});
        m.writeBytes(new byte[0]);
        m.writeInt(10);
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(1, 2);
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(3, 4);
        assertThat(m.readBytes(buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 5);
        byte[] four = new byte[4];
        assertThat(m.readBytes(four)).isEqualTo(4);
        assertThat(four).containsExactly(6, 7, 8, 9);
        assertThat(m.readBytes(four)).isEqualTo(-1);
        assertThat(m.readBytes(four)).isZero();
        assertThat(m.readInt()).isEqualTo(10);
        assertThatThrownBy(() -> m.readBytes(four)).isInstanceOf(MessageEOFException.class);
    }

    @Test
    @DisplayName("StreamMessage.readBytes: another read before the byte[] field is read to its end -> MessageFormatException")
    void readBytesUnfinished() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeInt(4);
        m.reset();
        assertThat(m.readBytes(new byte[2])).isEqualTo(2);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageFormatException.class);
        assertThat(m.readBytes(new byte[2])).isEqualTo(1);
        assertThat(m.readInt()).isEqualTo(4);
    }

    @Test
    @DisplayName("StreamMessage.readBytes: a field of another type -> MessageFormatException, position kept")
    void readBytesWrongType() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        m.writeString("s");
        m.reset();
        assertThatThrownBy(() -> m.readBytes(new byte[2])).isInstanceOf(MessageFormatException.class);
        assertThat(m.readString()).isEqualTo("s");
    }

    @Test
    @DisplayName("StreamMessage: write-only when new (MessageNotReadableException), read-only after reset (MessageNotWriteableException)")
    void modes() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        m.writeInt(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(() -> m.readBytes(new byte[1])).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        assertThatThrownBy(() -> m.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> m.writeObject("x")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(m.readInt()).isEqualTo(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
        m.reset();
        assertThat(m.readInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("3.11.1 Clearing a message body: clearBody empties the stream and makes it write-only")
    void clearBody() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        m.writeInt(1);
        m.reset();
        m.clearBody();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        m.writeInt(2);
        m.reset();
        assertThat(m.readInt()).isEqualTo(2);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    @DisplayName("3.11.2 Read-only message body: a received StreamMessage is readable from the start, not writable until clearBody")
    void received() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        m.writeInt(1);
        m.writeString("two");
        StreamMessage r = roundTrip(m);
        assertThat(r.readInt()).isEqualTo(1);
        assertThatThrownBy(() -> r.writeInt(3)).isInstanceOf(MessageNotWriteableException.class);
        r.clearBody();
        r.writeInt(3);
        r.reset();
        assertThat(r.readInt()).isEqualTo(3);
        StreamMessage again = roundTrip(r);
        assertThat(again.readInt()).isEqualTo(3);
        assertThatThrownBy(again::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    @DisplayName("3.9 Access to sent messages: writing after a send (write-only mode) does not change the sent data")
    void sendThenKeepWriting() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        m.writeInt(1);
        var data = MessageTestSupport.send(m);
        m.writeInt(2);
        assertThat(data.body()).isEqualTo(List.of(1));
        StreamMessage r = MessageTestSupport.receive(data);
        assertThat(r.readInt()).isEqualTo(1);
        assertThatThrownBy(r::readInt).isInstanceOf(MessageEOFException.class);
        m.reset();
        assertThat(m.readInt()).isEqualTo(1);
        assertThat(m.readInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("Message.getBody: StreamMessage -> MessageFormatException; isBodyAssignableTo is always false")
    void getBody() throws JMSException {
        StreamMessage m = Messages.newStreamMessage();
        assertThatThrownBy(() -> m.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
        assertThat(m.isBodyAssignableTo(Object.class)).isFalse();
        m.writeInt(1);
        assertThat(m.isBodyAssignableTo(List.class)).isFalse();
        assertThatThrownBy(() -> roundTrip(m).getBody(List.class)).isInstanceOf(MessageFormatException.class);
    }
}
