package dev.ferrymq.client.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static dev.ferrymq.client.message.MessageTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BytesMessageTest {

    /** Each BytesMessage write/read pair, with a value and its byte size. */
    enum Primitive {
        BOOLEAN(1) {
            void write(BytesMessage m) throws JMSException { m.writeBoolean(true); }
            Object read(BytesMessage m) throws JMSException { return m.readBoolean(); }
            Object expected() { return true; }
        },
        BYTE(1) {
            void write(BytesMessage m) throws JMSException { m.writeByte((byte) -5); }
            Object read(BytesMessage m) throws JMSException { return m.readByte(); }
            Object expected() { return (byte) -5; }
        },
        UNSIGNED_BYTE(1) {
            void write(BytesMessage m) throws JMSException { m.writeByte((byte) -5); }
            Object read(BytesMessage m) throws JMSException { return m.readUnsignedByte(); }
            Object expected() { return 251; }
        },
        SHORT(2) {
            void write(BytesMessage m) throws JMSException { m.writeShort((short) -300); }
            Object read(BytesMessage m) throws JMSException { return m.readShort(); }
            Object expected() { return (short) -300; }
        },
        UNSIGNED_SHORT(2) {
            void write(BytesMessage m) throws JMSException { m.writeShort((short) -2); }
            Object read(BytesMessage m) throws JMSException { return m.readUnsignedShort(); }
            Object expected() { return 65534; }
        },
        CHAR(2) {
            void write(BytesMessage m) throws JMSException { m.writeChar('\u20ac'); }
            Object read(BytesMessage m) throws JMSException { return m.readChar(); }
            Object expected() { return '\u20ac'; }
        },
        INT(4) {
            void write(BytesMessage m) throws JMSException { m.writeInt(-70_000); }
            Object read(BytesMessage m) throws JMSException { return m.readInt(); }
            Object expected() { return -70_000; }
        },
        LONG(8) {
            void write(BytesMessage m) throws JMSException { m.writeLong(-5_000_000_000L); }
            Object read(BytesMessage m) throws JMSException { return m.readLong(); }
            Object expected() { return -5_000_000_000L; }
        },
        FLOAT(4) {
            void write(BytesMessage m) throws JMSException { m.writeFloat(-1.5f); }
            Object read(BytesMessage m) throws JMSException { return m.readFloat(); }
            Object expected() { return -1.5f; }
        },
        DOUBLE(8) {
            void write(BytesMessage m) throws JMSException { m.writeDouble(Math.PI); }
            Object read(BytesMessage m) throws JMSException { return m.readDouble(); }
            Object expected() { return Math.PI; }
        },
        UTF(2 + 5) {
            void write(BytesMessage m) throws JMSException { m.writeUTF("h\u00e9\u0000"); }
            Object read(BytesMessage m) throws JMSException { return m.readUTF(); }
            Object expected() { return "h\u00e9\u0000"; }
        };

        final int size;

        Primitive(int size) {
            this.size = size;
        }

        abstract void write(BytesMessage m) throws JMSException;

        abstract Object read(BytesMessage m) throws JMSException;

        abstract Object expected();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Primitive.class)
    @DisplayName("BytesMessage: every write/read pair round-trips, locally after reset and after a send")
    void writeRead(Primitive p) throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        p.write(m);
        m.writeInt(42);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(p.size + 4);
        assertThat(p.read(m)).isEqualTo(p.expected());
        assertThat(m.readInt()).isEqualTo(42);
        BytesMessage r = roundTrip(m);
        assertThat(p.read(r)).isEqualTo(p.expected());
        assertThat(r.readInt()).isEqualTo(42);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Primitive.class)
    @DisplayName("BytesMessage: reading past the end -> MessageEOFException and the position stays")
    void eof(Primitive p) throws JMSException {
        BytesMessage whole = Messages.newBytesMessage();
        p.write(whole);
        byte[] all = whole.getBody(byte[].class);
        BytesMessage truncated = Messages.newBytesMessage();
        truncated.writeBytes(all, 0, all.length - 1);
        for (BytesMessage m : java.util.List.of(truncated, roundTrip(truncated))) {
            m.reset();
            assertThatThrownBy(() -> p.read(m)).isInstanceOf(MessageEOFException.class);
            byte[] rest = new byte[all.length];
            assertThat(m.readBytes(rest)).isEqualTo(all.length == 1 ? -1 : all.length - 1);
            assertThatThrownBy(() -> p.read(m)).isInstanceOf(MessageEOFException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Primitive.class)
    @DisplayName("BytesMessage: reading in write-only mode -> MessageNotReadableException; writing in read-only mode -> MessageNotWriteableException")
    void modes(Primitive p) throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        p.write(m);
        assertThatThrownBy(() -> p.read(m)).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        assertThatThrownBy(() -> p.write(m)).isInstanceOf(MessageNotWriteableException.class);
        BytesMessage r = roundTrip(m);
        assertThatThrownBy(() -> p.write(r)).isInstanceOf(MessageNotWriteableException.class);
        assertThat(p.read(r)).isEqualTo(p.expected());
    }

    @Test
    @DisplayName("BytesMessage: the format is java.io.DataOutputStream's (big-endian, modified UTF-8)")
    void dataOutputFormat() throws JMSException, IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeInt(0x01020304);
        out.writeUTF("\u0000x");
        out.writeDouble(1.25);
        BytesMessage m = Messages.newBytesMessage();
        m.writeInt(0x01020304);
        m.writeUTF("\u0000x");
        m.writeDouble(1.25);
        assertThat(m.getBody(byte[].class)).isEqualTo(expected.toByteArray());
    }

    @Test
    @DisplayName("BytesMessage.getBodyLength: write-only -> MessageNotReadableException; else the whole length wherever the cursor is")
    void bodyLength() throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        assertThatThrownBy(m::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        m.writeLong(1);
        assertThatThrownBy(m::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        m.readInt();
        assertThat(m.getBodyLength()).isEqualTo(8);
        assertThat(roundTrip(m).getBodyLength()).isEqualTo(8);
    }

    @Test
    @DisplayName("BytesMessage.readBytes: chunks fill the array, a short chunk ends the body, then -1")
    void readBytesChunks() throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4, 5});
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(1, 2);
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(3, 4);
        assertThat(m.readBytes(buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 5);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
        m.reset();
        byte[] exact = new byte[5];
        assertThat(m.readBytes(exact)).isEqualTo(5);
        assertThat(m.readBytes(exact)).isEqualTo(-1);
    }

    @Test
    @DisplayName("BytesMessage.readBytes(value, length): reads at most length; bad length -> IndexOutOfBoundsException and nothing read")
    void readBytesLength() throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4, 5}, 1, 3);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(3);
        byte[] buf = new byte[3];
        assertThatThrownBy(() -> m.readBytes(buf, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.readBytes(buf, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(m.readBytes(buf, 2)).isEqualTo(2);
        assertThat(buf).containsExactly(2, 3, 0);
        assertThat(m.readBytes(buf, 2)).isEqualTo(1);
        assertThat(m.readBytes(buf, 2)).isEqualTo(-1);
    }

    @Test
    @DisplayName("BytesMessage.writeObject: each supported type as its write method; others MessageFormatException; null NullPointerException")
    void writeObject() throws JMSException {
        BytesMessage typed = Messages.newBytesMessage();
        BytesMessage object = Messages.newBytesMessage();
        Object[] values = {true, 'c', (byte) 1, (short) 2, 3, 4L, 5f, 6d, "s", new byte[] {7, 8}};
        typed.writeBoolean(true);
        typed.writeChar('c');
        typed.writeByte((byte) 1);
        typed.writeShort((short) 2);
        typed.writeInt(3);
        typed.writeLong(4L);
        typed.writeFloat(5f);
        typed.writeDouble(6d);
        typed.writeUTF("s");
        typed.writeBytes(new byte[] {7, 8});
        for (Object v : values) {
            object.writeObject(v);
        }
        assertThat(object.getBody(byte[].class)).isEqualTo(typed.getBody(byte[].class));
        BytesMessage m = Messages.newBytesMessage();
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.writeBytes(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.writeUTF(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.writeBytes(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("BytesMessage.writeBytes: the array is copied at the call")
    void writeBytesCopies() throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        byte[] in = {1, 2};
        m.writeBytes(in);
        in[0] = 9;
        assertThat(m.getBody(byte[].class)).containsExactly(1, 2);
    }

    @Test
    @DisplayName("BytesMessage.readUTF: malformed modified UTF-8 -> MessageFormatException, position kept")
    void malformedUtf() throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        m.writeShort((short) 1);
        m.writeByte((byte) 0xC0);
        m.reset();
        assertThatThrownBy(m::readUTF).isInstanceOf(MessageFormatException.class);
        assertThat(m.readShort()).isEqualTo((short) 1);
    }

    @Test
    @DisplayName("BytesMessage.writeUTF: a string over 65535 encoded bytes -> MessageFormatException")
    void utfTooLong() {
        BytesMessage m = Messages.newBytesMessage();
        assertThatThrownBy(() -> m.writeUTF("x".repeat(70_000))).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("3.11.1 Clearing a message body: clearBody empties a BytesMessage and makes it write-only")
    void clearBody() throws JMSException {
        BytesMessage r = roundTrip(withInt(1));
        r.clearBody();
        assertThatThrownBy(r::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(r::readInt).isInstanceOf(MessageNotReadableException.class);
        r.writeShort((short) 2);
        r.reset();
        assertThat(r.getBodyLength()).isEqualTo(2);
        assertThat(roundTrip(r).readShort()).isEqualTo((short) 2);
    }

    @Test
    @DisplayName("BytesMessage.reset: read-only, cursor back to the start, repeatable")
    void reset() throws JMSException {
        BytesMessage m = withInt(7);
        m.reset();
        assertThat(m.readInt()).isEqualTo(7);
        m.reset();
        m.reset();
        assertThat(m.readInt()).isEqualTo(7);
    }

    @Test
    @DisplayName("3.9 Access to sent messages: writing after a send does not change what was sent")
    void writeAfterSend() throws JMSException {
        BytesMessage m = withInt(1);
        var data = MessageTestSupport.send(m);
        m.writeInt(2);
        assertThat((byte[]) data.body()).hasSize(4);
        BytesMessage r = MessageTestSupport.receive(data);
        assertThat(r.getBodyLength()).isEqualTo(4);
    }

    @Test
    @DisplayName("Message.getBody: BytesMessage -> a copy of all bytes whatever the position, reset after; null when empty")
    void getBody() throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        assertThat(m.getBody(byte[].class)).isNull();
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        m.clearBody();
        m.writeInt(0x01020304);
        assertThat(m.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        BytesMessage r = roundTrip(m);
        assertThat(r.readByte()).isEqualTo((byte) 1);
        byte[] body = r.getBody(byte[].class);
        assertThat(body).containsExactly(1, 2, 3, 4);
        body[0] = 9;
        assertThat(r.readInt()).isEqualTo(0x01020304);
        assertThat(r.getBody(Object.class)).isEqualTo(new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> r.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    private static BytesMessage withInt(int v) throws JMSException {
        BytesMessage m = Messages.newBytesMessage();
        m.writeInt(v);
        return m;
    }
}
