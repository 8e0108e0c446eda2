package dev.ferrymq.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 3.11.3: the StreamMessage/MapMessage conversion table (Table 3-7), each cell on a message that
 * went through the provider; invalid cells throw MessageFormatException and, for StreamMessage,
 * leave the read position so the value can be re-read.
 */
@SpecSection("3.11.3 Conversions provided by StreamMessage and MapMessage")
class StreamAndMapConversionTest extends JmsTestBase {

    static Stream<Arguments> cells() {
        List<Arguments> list = new ArrayList<>();
        for (ValueType written : ValueType.values()) {
            for (ValueType read : ValueType.values()) {
                list.add(Arguments.of(written, read));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void streamMessage(ValueType written, ValueType read) throws Exception {
        Session s = session();
        Object value = written.sampleFor(read);
        StreamMessage m = s.createStreamMessage();
        written.write(m, value);
        StreamMessage r = (StreamMessage) roundTrip(s, m);
        Object expected = written.convertTo(read, value);
        if (expected == null) {
            assertThatThrownBy(() -> read.read(r)).isInstanceOf(MessageFormatException.class);
        } else {
            assertThat(read.read(r)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ValueType.class)
    void streamMessageFailedReadDoesNotMoveThePosition(ValueType written) throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        written.write(m, written.sample);
        StreamMessage r = (StreamMessage) roundTrip(s, m);
        ValueType invalid = written == ValueType.CHAR || written == ValueType.BYTES ? ValueType.INT : ValueType.CHAR;
        assertThatThrownBy(() -> invalid.read(r)).isInstanceOf(MessageFormatException.class);
        assertThat(written.read(r)).as("value re-read after the failed read").isEqualTo(written.sample);
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void mapMessage(ValueType written, ValueType read) throws Exception {
        Session s = session();
        Object value = written.sampleFor(read);
        MapMessage m = s.createMapMessage();
        written.set(m, "item", value);
        MapMessage r = (MapMessage) roundTrip(s, m);
        Object expected = written.convertTo(read, value);
        if (expected == null) {
            assertThatThrownBy(() -> read.get(r, "item")).isInstanceOf(MessageFormatException.class);
        } else {
            assertThat(read.get(r, "item")).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "missing item read as {0}")
    @EnumSource(ValueType.class)
    void mapMessageMissingItemIsReadAsNull(ValueType read) throws Exception {
        MapMessage m = session().createMapMessage();
        switch (read) {
            case BOOLEAN -> assertThat(m.getBoolean("missing")).isFalse();
            case STRING, BYTES -> assertThat(read.get(m, "missing")).isNull();
            case CHAR, FLOAT, DOUBLE -> assertThatThrownBy(() -> read.get(m, "missing")).isInstanceOf(NullPointerException.class);
            default -> assertThatThrownBy(() -> read.get(m, "missing")).isInstanceOf(NumberFormatException.class);
        }
    }

    @ParameterizedTest(name = "String ''abc'' read as {0}")
    @EnumSource(value = ValueType.class, names = {"BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE"})
    void streamMessageUnparsableStringThrowsNumberFormatExceptionAndKeepsPosition(ValueType read) throws Exception {
        StreamMessage m = session().createStreamMessage();
        m.writeString("abc");
        m.reset();
        assertThatThrownBy(() -> read.read(m)).isInstanceOf(NumberFormatException.class);
        assertThat(m.readString()).isEqualTo("abc");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ValueType.class)
    void streamMessageObjectFormKeepsType(ValueType type) throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeObject(type.sample);
        StreamMessage r = (StreamMessage) roundTrip(s, m);
        assertThat(r.readObject()).isEqualTo(type.sample).isInstanceOf(type.sample.getClass());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ValueType.class)
    void mapMessageObjectFormKeepsType(ValueType type) throws Exception {
        Session s = session();
        MapMessage m = s.createMapMessage();
        m.setObject("item", type.sample);
        MapMessage r = (MapMessage) roundTrip(s, m);
        assertThat(r.getObject("item")).isEqualTo(type.sample).isInstanceOf(type.sample.getClass());
    }
}
