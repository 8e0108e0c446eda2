package dev.ferrymq.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 3.11: message bodies of each type, read-only after receive, clearBody, and their stream rules. */
class MessageBodyTest extends JmsTestBase {

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void textBodyIsCarried() throws Exception {
        Session s = session();
        assertThat(((TextMessage) roundTrip(s, s.createTextMessage("héllo ✓"))).getText()).isEqualTo("héllo ✓");
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void nullTextBodyIsCarried() throws Exception {
        Session s = session();
        assertThat(((TextMessage) roundTrip(s, s.createTextMessage())).getText()).isNull();
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void objectBodyIsASnapshotTakenAtSetObject() throws Exception {
        Session s = session();
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        ObjectMessage m = s.createObjectMessage(list);
        list.add("b");
        ObjectMessage r = (ObjectMessage) roundTrip(s, m);
        assertThat(r.getObject()).isEqualTo(List.of("a"));
        assertThat(m.getObject()).isEqualTo(List.of("a"));
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void mapBodyNamesAndItemExists() throws Exception {
        Session s = session();
        MapMessage m = s.createMapMessage();
        m.setInt("a", 1);
        m.setString("b", "x");
        MapMessage r = (MapMessage) roundTrip(s, m);
        List<Object> names = Collections.list(r.getMapNames());
        assertThat(names).containsExactlyInAnyOrder("a", "b");
        assertThat(r.itemExists("a")).isTrue();
        assertThat(r.itemExists("c")).isFalse();
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void mapItemNameNullOrEmptyIsRejected() throws Exception {
        MapMessage m = session().createMapMessage();
        assertThatThrownBy(() -> m.setInt(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setString("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void mapSetObjectOfOtherClassIsRejected() throws Exception {
        MapMessage m = session().createMapMessage();
        assertThatThrownBy(() -> m.setObject("x", new ArrayList<String>())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void streamWriteObjectOfOtherClassIsRejected() throws Exception {
        StreamMessage m = session().createStreamMessage();
        assertThatThrownBy(() -> m.writeObject(new ArrayList<String>())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void bytesWriteObjectOfOtherClassIsRejected() throws Exception {
        BytesMessage m = session().createBytesMessage();
        assertThatThrownBy(() -> m.writeObject(new ArrayList<String>())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void bytesWriteObjectNullIsRejected() throws Exception {
        BytesMessage m = session().createBytesMessage();
        assertThatThrownBy(() -> m.writeObject(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void bytesBodyOfEveryTypeIsCarriedInOrder() throws Exception {
        Session s = session();
        BytesMessage m = s.createBytesMessage();
        m.writeBoolean(true);
        m.writeByte((byte) -2);
        m.writeShort((short) -300);
        m.writeChar('z');
        m.writeInt(70_000);
        m.writeLong(5_000_000_000L);
        m.writeFloat(1.5f);
        m.writeDouble(2.25);
        m.writeUTF("utf ✓");
        m.writeBytes(new byte[] {9, 8, 7, 6}, 1, 2);
        m.writeObject(Integer.valueOf(5));
        BytesMessage r = (BytesMessage) roundTrip(s, m);
        assertThat(r.readBoolean()).isTrue();
        assertThat(r.readByte()).isEqualTo((byte) -2);
        assertThat(r.readShort()).isEqualTo((short) -300);
        assertThat(r.readChar()).isEqualTo('z');
        assertThat(r.readInt()).isEqualTo(70_000);
        assertThat(r.readLong()).isEqualTo(5_000_000_000L);
        assertThat(r.readFloat()).isEqualTo(1.5f);
        assertThat(r.readDouble()).isEqualTo(2.25);
        assertThat(r.readUTF()).isEqualTo("utf ✓");
        assertThat(r.readByte()).isEqualTo((byte) 8);
        assertThat(r.readByte()).isEqualTo((byte) 7);
        assertThat(r.readInt()).isEqualTo(5);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void bytesUnsignedReadsAndBodyLength() throws Exception {
        Session s = session();
        BytesMessage m = s.createBytesMessage();
        m.writeByte((byte) -1);
        m.writeShort((short) -1);
        BytesMessage r = (BytesMessage) roundTrip(s, m);
        assertThat(r.getBodyLength()).isEqualTo(3);
        assertThat(r.readUnsignedByte()).isEqualTo(255);
        assertThat(r.readUnsignedShort()).isEqualTo(65535);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void bytesReadPastEndThrowsMessageEofException() throws Exception {
        Session s = session();
        BytesMessage m = s.createBytesMessage();
        m.writeByte((byte) 1);
        BytesMessage r = (BytesMessage) roundTrip(s, m);
        r.readByte();
        assertThatThrownBy(r::readByte).isInstanceOf(MessageEOFException.class);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void bytesReadBytesReturnsMinusOneAtEnd() throws Exception {
        Session s = session();
        BytesMessage m = s.createBytesMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        BytesMessage r = (BytesMessage) roundTrip(s, m);
        byte[] buf = new byte[2];
        assertThat(r.readBytes(buf)).isEqualTo(2);
        assertThat(r.readBytes(buf)).isEqualTo(1);
        assertThat(r.readBytes(buf)).isEqualTo(-1);
    }

    @Test
    @SpecSection("3.11.2 Read-only message body")
    void newBytesMessageIsWriteOnlyUntilReset() throws Exception {
        BytesMessage m = session().createBytesMessage();
        m.writeInt(3);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(m::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        assertThat(m.readInt()).isEqualTo(3);
        assertThatThrownBy(() -> m.writeInt(4)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @SpecSection("3.11.2 Read-only message body")
    void newStreamMessageIsWriteOnlyUntilReset() throws Exception {
        StreamMessage m = session().createStreamMessage();
        m.writeInt(3);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        assertThat(m.readInt()).isEqualTo(3);
        assertThatThrownBy(() -> m.writeInt(4)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @SpecSection("3.11.2 Read-only message body")
    void receivedTextBodyIsReadOnly() throws Exception {
        Session s = session();
        TextMessage r = (TextMessage) roundTrip(s, s.createTextMessage("x"));
        assertThatThrownBy(() -> r.setText("y")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @SpecSection("3.11.2 Read-only message body")
    void receivedBytesBodyIsReadOnly() throws Exception {
        Session s = session();
        BytesMessage r = (BytesMessage) roundTrip(s, s.createBytesMessage());
        assertThatThrownBy(() -> r.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @SpecSection("3.11.2 Read-only message body")
    void receivedMapBodyIsReadOnly() throws Exception {
        Session s = session();
        MapMessage r = (MapMessage) roundTrip(s, s.createMapMessage());
        assertThatThrownBy(() -> r.setInt("a", 1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @SpecSection("3.11.2 Read-only message body")
    void receivedStreamBodyIsReadOnly() throws Exception {
        Session s = session();
        StreamMessage r = (StreamMessage) roundTrip(s, s.createStreamMessage());
        assertThatThrownBy(() -> r.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @SpecSection("3.11.2 Read-only message body")
    void receivedObjectBodyIsReadOnly() throws Exception {
        Session s = session();
        ObjectMessage r = (ObjectMessage) roundTrip(s, s.createObjectMessage("x"));
        assertThatThrownBy(() -> r.setObject("y")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @SpecSection("3.11.1 Clearing a message body")
    void clearBodyOfReceivedTextMakesItEmptyAndWritable() throws Exception {
        Session s = session();
        TextMessage m = s.createTextMessage("x");
        m.setStringProperty("p", "v");
        TextMessage r = (TextMessage) roundTrip(s, m);
        r.clearBody();
        assertThat(r.getText()).isNull();
        r.setText("y");
        assertThat(r.getText()).isEqualTo("y");
        assertThat(r.getStringProperty("p")).isEqualTo("v");
    }

    @Test
    @SpecSection("3.11.1 Clearing a message body")
    void clearBodyOfReceivedBytesPutsItInWriteOnlyMode() throws Exception {
        Session s = session();
        BytesMessage m = s.createBytesMessage();
        m.writeInt(1);
        BytesMessage r = (BytesMessage) roundTrip(s, m);
        r.clearBody();
        assertThatThrownBy(r::readInt).isInstanceOf(MessageNotReadableException.class);
        r.writeInt(2);
        r.reset();
        assertThat(r.getBodyLength()).isEqualTo(4);
        assertThat(r.readInt()).isEqualTo(2);
    }

    @Test
    @SpecSection("3.11.1 Clearing a message body")
    void clearBodyOfReceivedMapEmptiesIt() throws Exception {
        Session s = session();
        MapMessage m = s.createMapMessage();
        m.setInt("a", 1);
        MapMessage r = (MapMessage) roundTrip(s, m);
        r.clearBody();
        assertThat(r.getMapNames().hasMoreElements()).isFalse();
        r.setInt("b", 2);
        assertThat(r.getInt("b")).isEqualTo(2);
    }

    @Test
    @SpecSection("3.11.1 Clearing a message body")
    void clearBodyOfReceivedStreamPutsItInWriteOnlyMode() throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeInt(1);
        StreamMessage r = (StreamMessage) roundTrip(s, m);
        r.clearBody();
        assertThatThrownBy(r::readInt).isInstanceOf(MessageNotReadableException.class);
        r.writeString("w");
        r.reset();
        assertThat(r.readString()).isEqualTo("w");
    }

    @Test
    @SpecSection("3.11.1 Clearing a message body")
    void clearBodyOfReceivedObjectEmptiesIt() throws Exception {
        Session s = session();
        ObjectMessage r = (ObjectMessage) roundTrip(s, s.createObjectMessage("x"));
        r.clearBody();
        assertThat(r.getObject()).isNull();
        r.setObject("y");
        assertThat(r.getObject()).isEqualTo("y");
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void streamReadPastEndThrowsMessageEofException() throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeInt(1);
        StreamMessage r = (StreamMessage) roundTrip(s, m);
        r.readInt();
        assertThatThrownBy(r::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void streamBytesFieldReadInChunksEndsWithAShortRead() throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeInt(4);
        StreamMessage r = (StreamMessage) roundTrip(s, m);
        byte[] buf = new byte[2];
        assertThat(r.readBytes(buf)).isEqualTo(2);
        assertThat(r.readBytes(buf)).as("a read shorter than the buffer ends the field").isEqualTo(1);
        assertThat(r.readInt()).isEqualTo(4);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void streamBytesFieldFillingTheBufferIsFollowedByMinusOne() throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeInt(4);
        StreamMessage r = (StreamMessage) roundTrip(s, m);
        byte[] buf = new byte[3];
        assertThat(r.readBytes(buf)).isEqualTo(3);
        assertThat(r.readBytes(buf)).as("no more bytes in the field").isEqualTo(-1);
        assertThat(r.readInt()).isEqualTo(4);
    }

    @Test
    @SpecSection("3.11 Jakarta Messaging message body")
    void streamNullValueReadAsStringIsNull() throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeString(null);
        m.writeObject(null);
        StreamMessage r = (StreamMessage) roundTrip(s, m);
        assertThat(r.readString()).isNull();
        assertThat(r.readObject()).isNull();
    }

    @Test
    @SpecSection("3.11.4 Messages for non-Jakarta Messaging clients")
    void everyMessageTypeArrivesAsTheSameType() throws Exception {
        Session s = session();
        assertThat(roundTrip(s, s.createBytesMessage())).isInstanceOf(BytesMessage.class);
        assertThat(roundTrip(s, s.createMapMessage())).isInstanceOf(MapMessage.class);
        assertThat(roundTrip(s, s.createStreamMessage())).isInstanceOf(StreamMessage.class);
        assertThat(roundTrip(s, s.createObjectMessage())).isInstanceOf(ObjectMessage.class);
        assertThat(roundTrip(s, s.createTextMessage())).isInstanceOf(TextMessage.class);
        assertThat(roundTrip(s, s.createMessage())).isNotInstanceOfAny(BytesMessage.class, MapMessage.class,
                StreamMessage.class, ObjectMessage.class, TextMessage.class);
    }
}
