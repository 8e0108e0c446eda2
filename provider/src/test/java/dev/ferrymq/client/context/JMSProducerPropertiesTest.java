package dev.ferrymq.client.context;

import dev.ferrymq.client.context.FakeJms.FakeConnection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MessageFormatRuntimeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JMSProducer's own state: "Property value conversion" on its getters, names, headers. */
class JMSProducerPropertiesTest {

    private final JMSProducer producer =
            FerryContext.open(new FakeConnection(), JMSContext.AUTO_ACKNOWLEDGE).createProducer();

    @Test
    @DisplayName("Property value conversion: JMSProducer getters convert as the table allows")
    void conversions() {
        producer.setProperty("b", (byte) 1).setProperty("i", 5).setProperty("f", 1.5f).setProperty("s", "12")
                .setProperty("bool", true);
        assertThat(producer.getShortProperty("b")).isEqualTo((short) 1);
        assertThat(producer.getLongProperty("i")).isEqualTo(5L);
        assertThat(producer.getStringProperty("i")).isEqualTo("5");
        assertThat(producer.getDoubleProperty("f")).isEqualTo(1.5d);
        assertThat(producer.getIntProperty("s")).isEqualTo(12);
        assertThat(producer.getBooleanProperty("bool")).isTrue();
        assertThat(producer.getObjectProperty("i")).isEqualTo(5);
        assertThatThrownBy(() -> producer.getShortProperty("i")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> producer.getBooleanProperty("i")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> producer.getByteProperty("f")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> producer.getFloatProperty("bool")).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @DisplayName("Non-existent properties: JMSProducer getters behave as valueOf(null)")
    void missing() {
        assertThat(producer.propertyExists("none")).isFalse();
        assertThat(producer.getBooleanProperty("none")).isFalse();
        assertThat(producer.getStringProperty("none")).isNull();
        assertThat(producer.getObjectProperty("none")).isNull();
        assertThatThrownBy(() -> producer.getIntProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> producer.getDoubleProperty("none")).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("JMSProducer: getPropertyNames is an unmodifiable live view; clearProperties empties it")
    void names() {
        Set<String> names = producer.getPropertyNames();
        producer.setProperty("a", 1L).setProperty("b", 2.0d).setProperty("c", (short) 3).setProperty("d", (Object) "x");
        assertThat(names).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(producer.propertyExists("a")).isTrue();
        assertThatThrownBy(() -> names.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        producer.setProperty("a", "replaced");
        assertThat(producer.getStringProperty("a")).isEqualTo("replaced");
        producer.clearProperties();
        assertThat(names).isEmpty();
        assertThat(producer.propertyExists("a")).isFalse();
    }

    @Test
    @DisplayName("Property names: null, empty, not an identifier or a selector keyword → IllegalArgumentException")
    void badNames() {
        for (String bad : new String[] {null, "", "1abc", "a-b", "NULL", "between"}) {
            assertThatThrownBy(() -> producer.setProperty(bad, 1)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> producer.setProperty("o", new StringBuilder()))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(producer.getPropertyNames()).isEmpty();
    }

    @Test
    @DisplayName("JMSProducer method chaining: setters return the producer and getters read back")
    void fluentGetters() {
        JMSProducer same = producer.setDisableMessageID(true).setDisableMessageTimestamp(true).setTimeToLive(10)
                .setDeliveryDelay(20).setPriority(0).setJMSType("type");
        assertThat(same).isSameAs(producer);
        assertThat(producer.getDisableMessageID()).isTrue();
        assertThat(producer.getDisableMessageTimestamp()).isTrue();
        assertThat(producer.getTimeToLive()).isEqualTo(10);
        assertThat(producer.getDeliveryDelay()).isEqualTo(20);
        assertThat(producer.getPriority()).isZero();
        assertThat(producer.getJMSType()).isEqualTo("type");
        assertThat(producer.getJMSReplyTo()).isNull();
    }

    @Test
    @DisplayName("JMSProducer: correlation ID as bytes is copied and readable as String too")
    void correlationIdBytes() {
        byte[] id = "abc".getBytes(StandardCharsets.UTF_8);
        producer.setJMSCorrelationIDAsBytes(id);
        id[0] = 'z';
        assertThat(producer.getJMSCorrelationIDAsBytes()).containsExactly('a', 'b', 'c');
        assertThat(producer.getJMSCorrelationID()).isEqualTo("abc");
        producer.setJMSCorrelationID("text");
        assertThat(producer.getJMSCorrelationIDAsBytes()).isEqualTo("text".getBytes(StandardCharsets.UTF_8));
    }
}
