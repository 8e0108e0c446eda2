package dev.ferrymq.client.message;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.ferrymq.client.message.MessageTestSupport.names;
import static dev.ferrymq.client.message.MessageTestSupport.receive;
import static dev.ferrymq.client.message.MessageTestSupport.roundTrip;
import static dev.ferrymq.client.message.MessageTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagePropertiesTest {

    static List<org.junit.jupiter.params.provider.Arguments> propertyCells() {
        return ValueType.propertyCells();
    }

    @ParameterizedTest(name = "{0} read as {1}: supported={2}")
    @MethodSource("propertyCells")
    @DisplayName("3.5.4 Property value conversion: every cell of Table 3-2 (supported or MessageFormatException)")
    void conversionTable(ValueType from, ValueType to, boolean supported) throws JMSException {
        Message m = Messages.newMessage();
        from.setProperty(m, "p", from.sample);
        Message received = roundTrip(m);
        for (Message each : List.of(m, received)) {
            if (supported) {
                assertThat(to.getProperty(each, "p")).isEqualTo(to.expectedFrom(from.sample));
            } else {
                assertThatThrownBy(() -> to.getProperty(each, "p")).isInstanceOf(MessageFormatException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ValueType.class, names = {"BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE"})
    @DisplayName("3.5.4 Property value conversion: a String that valueOf does not accept throws NumberFormatException")
    void unparsableString(ValueType to) throws JMSException {
        Message m = Messages.newMessage();
        m.setStringProperty("p", "not a number");
        assertThatThrownBy(() -> to.getProperty(m, "p")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    @DisplayName("3.5.4 Property value conversion: String to boolean follows Boolean.valueOf")
    void stringToBoolean() throws JMSException {
        Message m = Messages.newMessage();
        m.setStringProperty("yes", "TRUE");
        m.setStringProperty("no", "yes");
        assertThat(m.getBooleanProperty("yes")).isTrue();
        assertThat(m.getBooleanProperty("no")).isFalse();
    }

    @Test
    @DisplayName("3.5.8 Non-existent properties: read as if null (false, NumberFormatException, NullPointerException, null)")
    void nonExistent() throws JMSException {
        Message m = Messages.newMessage();
        assertThat(m.getBooleanProperty("none")).isFalse();
        assertThatThrownBy(() -> m.getByteProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getShortProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getIntProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getLongProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloatProperty("none")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("none")).isInstanceOf(NullPointerException.class);
        assertThat(m.getStringProperty("none")).isNull();
        assertThat(m.getObjectProperty("none")).isNull();
        assertThat(m.propertyExists("none")).isFalse();
        assertThat(m.getObjectProperty(null)).isNull();
        assertThat(m.propertyExists(null)).isFalse();
    }

    @Test
    @DisplayName("3.5.8 Non-existent properties: a property set to a null String exists and reads as null")
    void nullStringValue() throws JMSException {
        Message m = Messages.newMessage();
        m.setStringProperty("s", null);
        assertThat(m.propertyExists("s")).isTrue();
        assertThat(m.getStringProperty("s")).isNull();
        assertThatThrownBy(() -> m.getIntProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThat(names(roundTrip(m).getPropertyNames())).containsExactly("s", "JMSXDeliveryCount");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "1abc", "a-b", "a b", "NULL", "true", "Not", "and", "OR", "between", "LIKE", "in", "IS",
            "escape", "FALSE", "a\uD83D\uDE00", "\uD83D\uDE00a", "a\uD835"})
    @DisplayName("3.5.1 Property names: not a selector identifier -> IllegalArgumentException")
    void invalidNames(String name) {
        Message m = Messages.newMessage();
        assertThatThrownBy(() -> m.setStringProperty(name, "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setObjectProperty(name, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("3.5.1 Property names: null -> IllegalArgumentException; $ and _ are identifier characters")
    void nullAndValidNames() throws JMSException {
        Message m = Messages.newMessage();
        assertThatThrownBy(() -> m.setIntProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        m.setIntProperty("$a_1", 1);
        m.setIntProperty("_x", 2);
        m.setIntProperty("JMSXGroupSeq", 3);
        m.setStringProperty("JMS_ferry_thing", "t");
        // letters outside the BMP (MATHEMATICAL BOLD CAPITAL A) count as one identifier character
        m.setIntProperty("\uD835\uDC00b\uD835\uDC00", 4);
        assertThat(m.getIntProperty("\uD835\uDC00b\uD835\uDC00")).isEqualTo(4);
        assertThat(m.getIntProperty("$a_1")).isEqualTo(1);
        assertThat(m.getIntProperty("JMSXGroupSeq")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidObjects")
    @DisplayName("3.5.5 Property values as objects: setObjectProperty with another class -> MessageFormatException")
    void setObjectPropertyInvalidType(Object value) throws JMSException {
        Message m = Messages.newMessage();
        assertThatThrownBy(() -> m.setObjectProperty("p", value)).isInstanceOf(MessageFormatException.class);
        assertThat(m.propertyExists("p")).isFalse();
    }

    static List<Object> invalidObjects() {
        return List.of(new Object(), 'c', new byte[] {1}, new java.util.ArrayList<>(), new StringBuilder("x"),
                java.math.BigDecimal.ONE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ValueType.class, names = {"BOOLEAN", "BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE", "STRING"})
    @DisplayName("3.5.5 Property values as objects: setObjectProperty equals the typed setter; getObjectProperty gives the objectified type")
    void objectProperties(ValueType type) throws JMSException {
        Message typed = Messages.newMessage();
        type.setProperty(typed, "p", type.sample);
        Message object = Messages.newMessage();
        object.setObjectProperty("p", type.sample);
        for (Message m : List.of(typed, object, roundTrip(typed), roundTrip(object))) {
            assertThat(m.getObjectProperty("p")).isEqualTo(type.sample).isExactlyInstanceOf(type.sample.getClass());
            assertThat(type.getProperty(m, "p")).isEqualTo(type.sample);
        }
    }

    @Test
    @DisplayName("3.5.6 Property iteration: getPropertyNames lists every property and no header field")
    void iteration() throws JMSException {
        Message m = Messages.newMessage();
        m.setIntProperty("a", 1);
        m.setStringProperty("b", "x");
        m.setObjectProperty("c", 2.0);
        m.setIntProperty("a", 5);
        m.setJMSType("t");
        m.setJMSCorrelationID("c");
        assertThat(names(m.getPropertyNames())).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(m.getIntProperty("a")).isEqualTo(5);
    }

    @Test
    @DisplayName("3.5.6 Property iteration: the enumeration is a snapshot, unaffected by later changes")
    void iterationSnapshot() throws JMSException {
        Message m = Messages.newMessage();
        m.setIntProperty("a", 1);
        var names = m.getPropertyNames();
        m.setIntProperty("b", 2);
        assertThat(names(names)).containsExactly("a");
    }

    @Test
    @DisplayName("3.5.7 Clearing a message's property values: clearProperties empties them and keeps the body")
    void clearing() throws JMSException {
        TextMessage m = Messages.newTextMessage();
        m.setText("body");
        m.setIntProperty("a", 1);
        m.clearProperties();
        assertThat(m.propertyExists("a")).isFalse();
        assertThat(m.getPropertyNames().hasMoreElements()).isFalse();
        assertThat(m.getText()).isEqualTo("body");
        m.setIntProperty("b", 2);
        assertThat(m.getIntProperty("b")).isEqualTo(2);
    }

    @Test
    @DisplayName("3.5.3 Using properties: a received message's properties are read-only (MessageNotWriteableException)")
    void receivedPropertiesReadOnly() throws JMSException {
        Message m = Messages.newMessage();
        m.setIntProperty("a", 1);
        Message received = roundTrip(m);
        for (ValueType type : ValueType.PROPERTY_TYPES) {
            assertThatThrownBy(() -> type.setProperty(received, "a", type.sample))
                    .isInstanceOf(MessageNotWriteableException.class);
        }
        assertThatThrownBy(() -> received.setObjectProperty("b", 1)).isInstanceOf(MessageNotWriteableException.class);
        assertThat(received.getIntProperty("a")).isEqualTo(1);
        assertThat(received.propertyExists("b")).isFalse();
    }

    @Test
    @DisplayName("3.10 Changing the value of a received message: clearProperties makes properties writable")
    void receivedWritableAfterClear() throws JMSException {
        Message m = Messages.newMessage();
        m.setIntProperty("a", 1);
        Message received = roundTrip(m);
        received.clearProperties();
        assertThat(received.propertyExists("a")).isFalse();
        received.setIntProperty("b", 2);
        assertThat(received.getIntProperty("b")).isEqualTo(2);
        assertThat(names(received.getPropertyNames())).containsExactly("b");
    }

    @Test
    @DisplayName("3.5.11 JMSXDeliveryCount: an int property of received messages, listed by getPropertyNames")
    void deliveryCount() throws JMSException {
        Message m = Messages.newMessage();
        m.setStringProperty("app", "x");
        var data = send(m);
        Message first = Messages.received(data, 1, null);
        Message third = Messages.received(data, 3, null);
        assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(first.getObjectProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(third.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(third.getLongProperty("JMSXDeliveryCount")).isEqualTo(3L);
        assertThat(third.getStringProperty("JMSXDeliveryCount")).isEqualTo("3");
        assertThat(third.propertyExists("JMSXDeliveryCount")).isTrue();
        assertThat(names(third.getPropertyNames())).containsExactlyInAnyOrder("app", "JMSXDeliveryCount");
        assertThat(m.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(data.properties()).doesNotContainKey("JMSXDeliveryCount");
    }

    @Test
    @DisplayName("3.5.11 JMSXDeliveryCount: set on receive only, never sent; cleared by clearProperties")
    void deliveryCountNotResent() throws JMSException {
        Message received = Messages.received(send(Messages.newMessage()), 2, null);
        var resent = send(received);
        assertThat(resent.properties()).doesNotContainKey("JMSXDeliveryCount");
        assertThat(receive(resent).getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        received.clearProperties();
        assertThat(received.propertyExists("JMSXDeliveryCount")).isFalse();
        received.setIntProperty("JMSXDeliveryCount", 9);
        assertThat(send(received).properties()).doesNotContainKey("JMSXDeliveryCount");
    }
}
