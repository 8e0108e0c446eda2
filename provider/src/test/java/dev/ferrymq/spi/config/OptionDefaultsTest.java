package dev.ferrymq.spi.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An option's default taken from a system property, declared on the option itself. */
@Timeout(10)
class OptionDefaultsTest {

    private static final String PROPERTY = "ferrymq.test.mode";
    private static final Option<String> MODE = Option.choice("mode", "fast", List.of("fast", "slow"), "a mode")
            .withSystemPropertyDefault(PROPERTY);

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    @DisplayName("Without the property the declared default applies; the documentation names the property")
    void declaredDefault() {
        assertThat(MODE.defaultValue()).isEqualTo("fast");
        assertThat(OptionValues.parse(List.of(MODE), Map.of()).get(MODE)).isEqualTo("fast");
        assertThat(MODE.defaultText()).isEqualTo("fast (system property " + PROPERTY + " when set)");
    }

    @Test
    @DisplayName("The property replaces the default, never a value given for the option")
    void propertyReplacesTheDefault() {
        System.setProperty(PROPERTY, "SLOW");
        assertThat(OptionValues.parse(List.of(MODE), Map.of()).get(MODE)).isEqualTo("slow");
        assertThat(OptionValues.parse(List.of(MODE), Map.of("mode", "fast")).get(MODE)).isEqualTo("fast");
    }

    @Test
    @DisplayName("An invalid property value fails naming the option and the property")
    void invalidProperty() {
        System.setProperty(PROPERTY, "sideways");
        assertThatThrownBy(MODE::defaultValue).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mode'").hasMessageContaining(PROPERTY);
    }

    @Test
    @DisplayName("A choice option is typed: its value is an enum constant given by name in any case; others are refused naming the choices")
    void typedChoice() {
        assertThat(LimitOptions.FULL_POLICY.parse(" Fail ")).isEqualTo(FullPolicy.FAIL);
        assertThat(LimitOptions.FULL_POLICY.defaultValue()).isEqualTo(FullPolicy.BLOCK);
        assertThat(LimitOptions.FULL_POLICY.defaultText()).isEqualTo("block");
        assertThatThrownBy(() -> LimitOptions.FULL_POLICY.parse("wait")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fullPolicy'").hasMessageContaining("block, fail");
    }
}
