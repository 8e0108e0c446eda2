package dev.ferrymq.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** Chapter 3.5: message properties, sent through the provider and read back by the receiver. */
class PropertiesTest extends JmsTestBase {

    static Stream<Arguments> conversions() {
        List<Arguments> list = new ArrayList<>();
        for (PropertyType written : PropertyType.values()) {
            for (PropertyType read : PropertyType.values()) {
                list.add(Arguments.of(written, read));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("conversions")
    @SpecSection("3.5.4 Property value conversion")
    void conversionTable(PropertyType written, PropertyType read) throws Exception {
        Session s = session();
        Object value = written == PropertyType.STRING && read == PropertyType.BOOLEAN ? "true" : written.sample;
        Message m = s.createMessage();
        written.set(m, "prop", value);
        Message r = roundTrip(s, m);
        Object expected = written.convertTo(read, value);
        if (expected == null) {
            assertThatThrownBy(() -> read.get(r, "prop")).isInstanceOf(MessageFormatException.class);
        } else {
            assertThat(read.get(r, "prop")).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "String ''abc'' read as {0}")
    @EnumSource(value = PropertyType.class, names = {"BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE"})
    @SpecSection("3.5.4 Property value conversion")
    void unparsableStringThrowsNumberFormatException(PropertyType read) throws Exception {
        Message m = session().createMessage();
        m.setStringProperty("prop", "abc");
        assertThatThrownBy(() -> read.get(m, "prop")).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest(name = "missing property read as {0}")
    @EnumSource(PropertyType.class)
    @SpecSection("3.5.8 Non-existent properties")
    void missingPropertyIsReadAsNull(PropertyType read) throws Exception {
        Message m = session().createMessage();
        switch (read) {
            case BOOLEAN -> assertThat(m.getBooleanProperty("missing")).isFalse();
            case STRING -> assertThat(m.getStringProperty("missing")).isNull();
            case FLOAT, DOUBLE -> assertThatThrownBy(() -> read.get(m, "missing")).isInstanceOf(NullPointerException.class);
            default -> assertThatThrownBy(() -> read.get(m, "missing")).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    @SpecSection("3.5.8 Non-existent properties")
    void missingObjectPropertyIsNullAndDoesNotExist() throws Exception {
        Message m = session().createMessage();
        assertThat(m.getObjectProperty("missing")).isNull();
        assertThat(m.propertyExists("missing")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PropertyType.class)
    @SpecSection("3.5.5 Property values as objects")
    void objectPropertyKeepsItsType(PropertyType type) throws Exception {
        Session s = session();
        Message m = s.createMessage();
        m.setObjectProperty("prop", type.sample);
        Message r = roundTrip(s, m);
        assertThat(r.getObjectProperty("prop")).isEqualTo(type.sample).isInstanceOf(type.sample.getClass());
        assertThat(type.get(r, "prop")).isEqualTo(type.sample);
    }

    static Stream<Arguments> invalidObjects() {
        return Stream.of(Arguments.of("ArrayList", new ArrayList<String>()), Arguments.of("Character", 'c'),
                Arguments.of("byte[]", new byte[] {1}), Arguments.of("Object", new Object()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidObjects")
    @SpecSection("3.5.5 Property values as objects")
    void objectPropertyOfOtherClassIsRejected(String name, Object value) throws Exception {
        Message m = session().createMessage();
        assertThatThrownBy(() -> m.setObjectProperty("prop", value)).isInstanceOf(MessageFormatException.class);
    }

    @ParameterizedTest(name = "name ''{0}''")
    @ValueSource(strings = {""})
    @SpecSection("3.5.1 Property names")
    void emptyPropertyNameIsRejected(String name) throws Exception {
        Message m = session().createMessage();
        for (PropertyType t : PropertyType.values()) {
            assertThatThrownBy(() -> t.set(m, name, t.sample)).as(t.name()).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> m.setObjectProperty(name, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SpecSection("3.5.1 Property names")
    void nullPropertyNameIsRejected() throws Exception {
        Message m = session().createMessage();
        for (PropertyType t : PropertyType.values()) {
            assertThatThrownBy(() -> t.set(m, null, t.sample)).as(t.name()).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> m.setObjectProperty(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PropertyType.class)
    @SpecSection("3.5.3 Using properties")
    void receivedPropertiesAreReadOnly(PropertyType type) throws Exception {
        Session s = session();
        Message m = s.createMessage();
        m.setStringProperty("existing", "v");
        Message r = roundTrip(s, m);
        assertThatThrownBy(() -> type.set(r, "prop", type.sample)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> r.setObjectProperty("prop", type.sample)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @SpecSection("3.5.7 Clearing a message’s property values")
    void clearPropertiesMakesReceivedPropertiesWritable() throws Exception {
        Session s = session();
        jakarta.jms.TextMessage m = s.createTextMessage("body");
        m.setStringProperty("existing", "v");
        jakarta.jms.TextMessage r = (jakarta.jms.TextMessage) roundTrip(s, m);
        r.clearProperties();
        assertThat(r.propertyExists("existing")).isFalse();
        r.setStringProperty("fresh", "w");
        assertThat(r.getStringProperty("fresh")).isEqualTo("w");
        assertThat(r.getText()).isEqualTo("body");
    }

    @Test
    @SpecSection("3.5.7 Clearing a message’s property values")
    void clearPropertiesLeavesBodyAndHeaders() throws Exception {
        Session s = session();
        jakarta.jms.TextMessage m = s.createTextMessage("body");
        m.setJMSCorrelationID("corr");
        m.setIntProperty("a", 1);
        m.clearProperties();
        assertThat(m.propertyExists("a")).isFalse();
        assertThat(m.getText()).isEqualTo("body");
        assertThat(m.getJMSCorrelationID()).isEqualTo("corr");
    }

    @Test
    @SpecSection("3.5.7 Clearing a message’s property values")
    void clearPropertiesLeavesAnEmptySetOfProperties() throws Exception {
        Message m = session().createMessage();
        m.setIntProperty("a", 1);
        m.setStringProperty("JMSXGroupID", "g");
        m.clearProperties();
        assertThat(Collections.list(m.getPropertyNames())).isEmpty();
    }

    @Test
    @SpecSection("3.5.6 Property iteration")
    void propertyNamesListsExactlyTheSetPropertiesWithoutHeaders() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        m.setJMSType("type");
        m.setJMSCorrelationID("corr");
        m.setIntProperty("a", 1);
        m.setStringProperty("b", "x");
        m.setBooleanProperty("c", true);
        Message r = roundTrip(s, m);
        List<String> names = new ArrayList<>();
        for (Object n : Collections.list(r.getPropertyNames())) {
            names.add((String) n);
        }
        assertThat(names).contains("a", "b", "c").noneMatch(n -> n.startsWith("JMS") && !n.startsWith("JMSX")
                && !n.startsWith("JMS_"));
        assertThat(names).filteredOn(n -> !n.startsWith("JMSX") && !n.startsWith("JMS_")).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    @SpecSection("3.5.3 Using properties")
    void propertyExistsAfterSet() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        m.setLongProperty("l", 3L);
        Message r = roundTrip(s, m);
        assertThat(r.propertyExists("l")).isTrue();
        assertThat(r.propertyExists("L")).isFalse();
    }

    @Test
    @SpecSection("3.5.11 JMSXDeliveryCount")
    void deliveryCountIsOneOnFirstDelivery() throws Exception {
        Session s = session();
        Message r = roundTrip(s, s.createMessage());
        assertThat(r.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    @SpecSection("3.5.9 Jakarta Messaging defined properties")
    void groupIdAndSequenceSetByClientAreCarried() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        m.setStringProperty("JMSXGroupID", "group-1");
        m.setIntProperty("JMSXGroupSeq", 3);
        Message r = roundTrip(s, m);
        assertThat(r.getStringProperty("JMSXGroupID")).isEqualTo("group-1");
        assertThat(r.getIntProperty("JMSXGroupSeq")).isEqualTo(3);
    }

    @Test
    @SpecSection("3.5.9 Jakarta Messaging defined properties")
    void metadataListsTheRequiredJmsxProperties() throws Exception {
        List<String> names = new ArrayList<>();
        for (Object n : Collections.list(startedConnection().getMetaData().getJMSXPropertyNames())) {
            names.add((String) n);
        }
        assertThat(names).contains("JMSXGroupID", "JMSXGroupSeq", "JMSXDeliveryCount");
    }
}
