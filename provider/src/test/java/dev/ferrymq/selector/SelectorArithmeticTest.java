package dev.ferrymq.selector;

import static dev.ferrymq.selector.Selectors.truth;
import static dev.ferrymq.selector.Selectors.values;
import static dev.ferrymq.selector.Truth.FALSE;
import static dev.ferrymq.selector.Truth.TRUE;
import static dev.ferrymq.selector.Truth.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("3.8.1.1 Message selector syntax: arithmetic operators")
class SelectorArithmeticTest {

    static Stream<Arguments> operators() {
        return Stream.of(
                Arguments.of("a + b = 5", 2, 3),
                Arguments.of("a - b = -1", 2, 3),
                Arguments.of("a * b = 6", 2, 3),
                Arguments.of("a / b = 2", 7, 3),
                Arguments.of("a / b = -2", -7, 3),
                Arguments.of("a / b = 3.5", 7, 2.0),
                Arguments.of("a + b = 3.5", 1, 2.5f),
                Arguments.of("a + b = 3", (byte) 1, (short) 2),
                Arguments.of("a * b = 5.0", 2.5d, 2L),
                Arguments.of("-a = -2", 2, 0),
                Arguments.of("+a = 2", 2, 0),
                Arguments.of("- -a = 2", 2, 0),
                Arguments.of("-a = 2.5", -2.5, 0),
                Arguments.of("a - -b = 5", 2, 3),
                Arguments.of("a + 1 < 0", Long.MAX_VALUE, 0),
                Arguments.of("a + 1 > 2147483647", Integer.MAX_VALUE, 0),
                Arguments.of("a * b = 9223372036854775807 * 2", Long.MAX_VALUE, 2),
                Arguments.of("a / 0.0 > 1000000", 1, 0),
                Arguments.of("a / b < -1000000", -1.0, 0),
                Arguments.of("a * 1.0 / b = 0.5", 1, 2));
    }

    @ParameterizedTest(name = "{0} with a={1}, b={2}")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: + - * / and unary signs with Java numeric promotion")
    void operators(String selector, Object a, Object b) {
        assertThat(truth(selector, values("a", a, "b", b))).isEqualTo(TRUE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1 + 2 * 3 = 7", "(1 + 2) * 3 = 9", "10 - 4 - 3 = 3", "24 / 4 / 2 = 3", "-2 * 3 = -6", "2 - -2 = 4",
        "2 * -3 + 1 = -5", "1 + 6 / 2 * 3 = 10", "10 - (4 - 3) = 9", "7 / 2 = 3", "7 / 2.0 = 3.5"
    })
    @DisplayName("3.8.1.1 Message selector syntax: unary binds tighter than * /, which bind tighter than + -")
    void precedence(String selector) {
        assertThat(truth(selector, values())).isEqualTo(TRUE);
    }

    static Stream<Arguments> unknownResults() {
        return Stream.of(
                Arguments.of("a / 0 = 1", 1),
                Arguments.of("a / (a - 1) = 1", 1),
                Arguments.of("a + 1 = 3", "2"),
                Arguments.of("a * 2 = 2", true),
                Arguments.of("-a = -1", "1"),
                Arguments.of("+a = 1", "1"),
                Arguments.of("a + 1 = 1", null),
                Arguments.of("1 - a < 5", null));
    }

    @ParameterizedTest(name = "{0} with a={1} is UNKNOWN")
    @MethodSource
    @DisplayName("3.8.1.2 Null values: arithmetic with NULL, non-numeric values or integer division by zero is unknown")
    void unknownResults(String selector, Object a) {
        assertThat(truth(selector, values("a", a))).isEqualTo(UNKNOWN);
    }

    @ParameterizedTest(name = "{0} is FALSE")
    @ValueSource(strings = {"a / 0.0 = a / 0.0", "0.0 / 0 = 0.0 / 0"})
    @DisplayName("3.8.1.1 Message selector syntax: floating division by zero follows Java (0.0/0 is NaN)")
    void floatingDivisionByZero(String selector) {
        assertThat(truth(selector, values("a", 0))).isEqualTo(FALSE);
    }
}
