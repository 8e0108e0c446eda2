package dev.ferrymq.client.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import java.util.List;
import java.util.Map;

import static dev.ferrymq.client.message.MessageTestSupport.names;
import static dev.ferrymq.client.message.MessageTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapMessageTest {

    static List<Arguments> cells() {
        return ValueType.mapStreamCells();
    }

    @ParameterizedTest(name = "{0} read as {1}: supported={2}")
    @MethodSource("cells")
    @DisplayName("3.11.3 Conversions provided by StreamMessage and MapMessage: every MapMessage cell")
    void conversionTable(ValueType from, ValueType to, boolean supported) throws JMSException {
        MapMessage sent = Messages.newMapMessage();
        from.set(sent, "v", from.sample);
        for (MapMessage m : List.of(sent, roundTrip(sent))) {
            if (supported) {
                assertThat(to.get(m, "v")).isEqualTo(to.expectedFrom(from.sample));
            } else {
                assertThatThrownBy(() -> to.get(m, "v")).isInstanceOf(MessageFormatException.class);
            }
            assertThat(m.getObject("v")).isEqualTo(from.sample);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ValueType.class, names = {"BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE"})
    @DisplayName("3.11.3 Conversions: an unparsable String throws NumberFormatException")
    void unparsableString(ValueType to) throws JMSException {
        MapMessage m = Messages.newMapMessage();
        m.setString("s", "x1");
        assertThatThrownBy(() -> to.get(m, "s")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    @DisplayName("3.11.3 Conversions: a missing item reads as null: false, NumberFormatException, NullPointerException, null")
    void missingItem() throws JMSException {
        MapMessage m = Messages.newMapMessage();
        m.setString("nul", null);
        for (String name : new String[] {"missing", "nul"}) {
            assertThat(m.getBoolean(name)).isFalse();
            assertThatThrownBy(() -> m.getByte(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getShort(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getInt(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getLong(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getFloat(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> m.getDouble(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> m.getChar(name)).isInstanceOf(NullPointerException.class);
            assertThat(m.getString(name)).isNull();
            assertThat(m.getBytes(name)).isNull();
            assertThat(m.getObject(name)).isNull();
        }
        assertThat(m.itemExists("nul")).isTrue();
        assertThat(m.itemExists("missing")).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @DisplayName("MapMessage: a null or empty item name -> IllegalArgumentException on every setter")
    void invalidNames(String name) {
        MapMessage m = Messages.newMapMessage();
        assertThatThrownBy(() -> m.setInt(name, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setString(name, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setBytes(name, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setBytes(name, new byte[1], 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setObject(name, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setChar(name, 'c')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("MapMessage: item names need not be identifiers; getMapNames lists each once; itemExists")
    void names() throws JMSException {
        MapMessage m = Messages.newMapMessage();
        m.setInt("a b", 1);
        m.setInt("NULL", 2);
        m.setInt("a b", 3);
        assertThat(MessageTestSupport.names(m.getMapNames())).containsExactlyInAnyOrder("a b", "NULL");
        assertThat(m.itemExists("a b")).isTrue();
        assertThat(m.itemExists(null)).isFalse();
        assertThat(m.getInt("a b")).isEqualTo(3);
        MapMessage r = roundTrip(m);
        assertThat(MessageTestSupport.names(r.getMapNames())).containsExactlyInAnyOrder("a b", "NULL");
        assertThat(r.itemExists("NULL")).isTrue();
    }

    @Test
    @DisplayName("3.12 Provider implementations: setBytes copies its input, getBytes/getObject return copies")
    void bytesCopied() throws JMSException {
        MapMessage m = Messages.newMapMessage();
        byte[] in = {1, 2, 3};
        m.setBytes("b", in);
        m.setBytes("part", in, 1, 2);
        m.setObject("o", in);
        in[0] = 9;
        assertThat(m.getBytes("b")).containsExactly(1, 2, 3);
        assertThat(m.getBytes("part")).containsExactly(2, 3);
        m.getBytes("b")[0] = 8;
        ((byte[]) m.getObject("o"))[0] = 8;
        assertThat(m.getBytes("b")).containsExactly(1, 2, 3);
        assertThat(m.getObject("o")).isEqualTo(new byte[] {1, 2, 3});
        MapMessage r = roundTrip(m);
        r.getBytes("b")[1] = 7;
        assertThat(r.getBytes("b")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> m.setBytes("x", in, 2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("MapMessage.setObject: objectified primitives, String, byte[] only (MessageFormatException)")
    void setObjectTypes() throws JMSException {
        MapMessage m = Messages.newMapMessage();
        assertThatThrownBy(() -> m.setObject("x", new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setObject("x", Map.of())).isInstanceOf(MessageFormatException.class);
        assertThat(m.itemExists("x")).isFalse();
        m.setObject("c", 'c');
        m.setObject("n", null);
        assertThat(m.getChar("c")).isEqualTo('c');
        assertThat(m.itemExists("n")).isTrue();
    }

    @Test
    @DisplayName("3.11.2 Read-only message body: a received MapMessage is read-only until clearBody, then read-write")
    void receivedReadOnly() throws JMSException {
        MapMessage m = Messages.newMapMessage();
        m.setInt("a", 1);
        MapMessage r = roundTrip(m);
        assertThatThrownBy(() -> r.setInt("b", 2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> r.setObject("b", 2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> r.setBytes("b", new byte[1])).isInstanceOf(MessageNotWriteableException.class);
        assertThat(r.itemExists("b")).isFalse();
        r.clearBody();
        assertThat(r.itemExists("a")).isFalse();
        assertThat(r.getMapNames().hasMoreElements()).isFalse();
        r.setInt("b", 2);
        assertThat(r.getInt("b")).isEqualTo(2);
        assertThat(roundTrip(r).getInt("b")).isEqualTo(2);
    }

    @Test
    @DisplayName("3.9 Access to sent messages: changing the map after a send does not change the sent data")
    @SuppressWarnings("unchecked")
    void sendThenChange() throws JMSException {
        MapMessage m = Messages.newMapMessage();
        m.setInt("a", 1);
        var data = MessageTestSupport.send(m);
        m.setInt("a", 2);
        m.setInt("b", 3);
        assertThat(data.body()).isEqualTo(Map.of("a", 1));
        assertThatThrownBy(() -> ((Map<Object, Object>) data.body()).put("c", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(m.getInt("a")).isEqualTo(2);
    }

    @Test
    @DisplayName("Message.getBody: MapMessage -> a Map copy for Map.class/Object.class, null when empty")
    void getBody() throws JMSException {
        MapMessage m = Messages.newMapMessage();
        assertThat(m.getBody(Map.class)).isNull();
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        m.setInt("a", 1);
        m.setBytes("b", new byte[] {1});
        Map<?, ?> body = m.getBody(Map.class);
        Object b = body.get("b");
        assertThat(body.get("a")).isEqualTo(1);
        assertThat(b).isEqualTo(new byte[] {1});
        assertThat(m.getBody(Object.class)).isInstanceOf(Map.class);
        assertThat(m.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(m.isBodyAssignableTo(java.util.HashMap.class)).isFalse();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
        ((byte[]) b)[0] = 9;
        assertThat(m.getBytes("b")).containsExactly(1);
        assertThat(roundTrip(m).getBody(Map.class).get("a")).isEqualTo(1);
    }
}
