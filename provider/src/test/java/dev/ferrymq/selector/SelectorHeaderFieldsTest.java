package dev.ferrymq.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Header field references, evaluated against {@link MessageData} as the engine supplies them. */
@DisplayName("3.8.1.1 Message selector syntax and 3.8.1.3 Special notes: header field references")
class SelectorHeaderFieldsTest {

    private static MessageData message(boolean withIds) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("color", "blue");
        properties.put("weight", 2600);
        properties.put("JMSXGroupID", "group-1");
        properties.put("JMS_ferry_hint", 7L);
        return MessageData.builder()
                .destination(DestinationRef.queue("q"))
                .body(BodyType.NONE, null)
                .messageId(withIds ? "ID:abc-1" : null)
                .correlationId(withIds ? "corr-42" : null)
                .type(withIds ? "car" : null)
                .timestamp(1_700_000_000_000L)
                .priority(7)
                .persistent(true)
                .properties(properties)
                .build();
    }

    private static boolean matches(String selector, boolean withIds) {
        return Selectors.matches(selector, message(withIds));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "JMSDeliveryMode = 'PERSISTENT'|true",
        "JMSDeliveryMode = 'NON_PERSISTENT'|false",
        "JMSDeliveryMode <> 'NON_PERSISTENT'|true",
        "JMSDeliveryMode = 2|false",
        "JMSPriority > 4|true",
        "JMSPriority BETWEEN 0 AND 4|false",
        "JMSPriority = 7.0|true",
        "JMSMessageID = 'ID:abc-1'|true",
        "JMSMessageID LIKE 'ID:%'|true",
        "JMSTimestamp = 1700000000000|true",
        "JMSTimestamp > 1699999999999 AND JMSTimestamp < 1700000000001|true",
        "JMSCorrelationID LIKE 'corr%'|true",
        "JMSCorrelationID IN ('corr-41', 'corr-42')|true",
        "JMSType = 'car' AND color = 'blue' AND weight > 2500|true",
        "JMSType = 'car' AND color = 'blue' AND weight > 2600|false",
        "JMSXGroupID = 'group-1'|true",
        "JMS_ferry_hint = 7|true",
        "JMSMessageID IS NOT NULL AND JMSCorrelationID IS NOT NULL AND JMSType IS NOT NULL|true"
    })
    @DisplayName("3.8.1.3 Special notes: header fields, with JMSDeliveryMode as 'PERSISTENT'/'NON_PERSISTENT'")
    void headerFields(String selector, boolean expected) {
        assertThat(matches(selector, true)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "JMSMessageID IS NULL", "JMSCorrelationID IS NULL", "JMSType IS NULL",
        "NOT (JMSType = 'car') OR JMSType IS NULL", "JMSDeliveryMode = 'PERSISTENT'"
    })
    @DisplayName("3.8.1.1 Message selector syntax: null JMSMessageID, JMSCorrelationID and JMSType are NULL")
    void nullHeaderFields(String selector) {
        assertThat(matches(selector, false)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "JMSDestination = 'q'", "JMSExpiration > 0", "JMSRedelivered = TRUE", "JMSDeliveryTime > 0",
        "JMSReplyTo IS NULL", "JMSFoo = 1", "JMSxGroupID = 'g'", "JMS = 1", "a = 1 OR JMSDeliverymode = 'x'"
    })
    @DisplayName("3.8.1.1 Message selector syntax: header references are restricted to six fields; other JMS names are rejected")
    void otherJmsNamesAreRejected(String selector) {
        assertThatThrownBy(() -> Selector.parse(selector))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining("cannot be used in a selector")
                .hasMessageContaining(selector);
    }
}
