package dev.ferrymq.selector;

import static dev.ferrymq.selector.Selectors.truth;
import static dev.ferrymq.selector.Selectors.values;
import static dev.ferrymq.selector.Truth.FALSE;
import static dev.ferrymq.selector.Truth.TRUE;
import static dev.ferrymq.selector.Truth.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("3.8.1.1 Message selector syntax: comparison operators")
class SelectorComparisonTest {

    @ParameterizedTest(name = "{0} with x={1} is {2}")
    @CsvSource({
        "x = 5, 5, TRUE", "x = 5, 6, FALSE",
        "x <> 5, 6, TRUE", "x <> 5, 5, FALSE",
        "x < 5, 4, TRUE", "x < 5, 5, FALSE",
        "x <= 5, 5, TRUE", "x <= 5, 6, FALSE",
        "x > 5, 6, TRUE", "x > 5, 5, FALSE",
        "x >= 5, 5, TRUE", "x >= 5, 4, FALSE",
        "5 < x, 6, TRUE", "-1 > x, -2, TRUE"
    })
    @DisplayName("3.8.1.1 Message selector syntax: = <> < <= > >= on exact numbers")
    void operatorsOnIntegers(String selector, int x, Truth expected) {
        assertThat(truth(selector, values("x", x))).isEqualTo(expected);
    }

    static Stream<Arguments> numericPromotion() {
        return Stream.of(
                Arguments.of("x = 2", (byte) 2, TRUE),
                Arguments.of("x = 2", (short) 2, TRUE),
                Arguments.of("x = 2", 2, TRUE),
                Arguments.of("x = 2", 2L, TRUE),
                Arguments.of("x = 2", 2.0f, TRUE),
                Arguments.of("x = 2", 2.0d, TRUE),
                Arguments.of("x = 2.0", 2, TRUE),
                Arguments.of("x > 1.5", 2, TRUE),
                Arguments.of("x < 2.5", 2L, TRUE),
                Arguments.of("x < 2", 1.999, TRUE),
                Arguments.of("x = 2", 2.000001, FALSE),
                Arguments.of("x = 9223372036854775807", Long.MAX_VALUE, TRUE),
                Arguments.of("x = 9223372036854775806", Long.MAX_VALUE, FALSE),
                Arguments.of("x > 9223372036854775806", Long.MAX_VALUE, TRUE),
                Arguments.of("x = -0.0", 0.0d, TRUE));
    }

    @ParameterizedTest(name = "{0} with x={1} is {2}")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: exact and approximate numbers compare after Java numeric promotion")
    void numericPromotion(String selector, Object x, Truth expected) {
        assertThat(truth(selector, values("x", x))).isEqualTo(expected);
    }

    static Stream<Arguments> twoProperties() {
        return Stream.of(
                Arguments.of("x = y", 3, 3.0d, TRUE),
                Arguments.of("x = y", (byte) 3, 3L, TRUE),
                Arguments.of("x < y", (short) 3, 3.5f, TRUE),
                Arguments.of("x = y", "abc", "abc", TRUE),
                Arguments.of("x <> y", "abc", "abd", TRUE),
                Arguments.of("x = y", true, true, TRUE),
                Arguments.of("x <> y", true, false, TRUE),
                Arguments.of("x = y", "1", 1, FALSE));
    }

    @ParameterizedTest(name = "{0} with x={1}, y={2} is {3}")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: comparing two identifiers")
    void twoProperties(String selector, Object x, Object y, Truth expected) {
        assertThat(truth(selector, values("x", x, "y", y))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with s={1} is {2}")
    @CsvSource({
        "s = 'abc', abc, TRUE",
        "s = 'abc', ABC, FALSE",
        "s = 'abc', 'abc ', FALSE",
        "s <> 'abc', abd, TRUE",
        "s <> 'abc', abc, FALSE",
        "'abc' = s, abc, TRUE"
    })
    @DisplayName("3.8.1.1 Message selector syntax: strings are equal iff they hold the same characters")
    void strings(String selector, String s, Truth expected) {
        assertThat(truth(selector, values("s", s))).isEqualTo(expected);
    }

    static Stream<Arguments> nonLikeTypes() {
        return Stream.of(
                Arguments.of("x = 1", "1"),
                Arguments.of("x <> 1", "1"),
                Arguments.of("x > 1", "2"),
                Arguments.of("x = 1", true),
                Arguments.of("x = 'abc'", 1),
                Arguments.of("x <> 'abc'", 1.5),
                Arguments.of("x = TRUE", "TRUE"),
                Arguments.of("x = TRUE", 1),
                Arguments.of("x < 1", true),
                Arguments.of("x = 'true'", true),
                Arguments.of("'1' = x", 1),
                Arguments.of("TRUE <> x", "TRUE"));
    }

    @ParameterizedTest(name = "{0} with x={1} is FALSE")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: comparing non-like types is false, not an error")
    void nonLikeTypes(String selector, Object x) {
        assertThat(truth(selector, values("x", x))).isEqualTo(FALSE);
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("x < y", "a", "b"),
                Arguments.of("x >= y", "a", "a"),
                Arguments.of("x > y", true, false),
                Arguments.of("x = 1", BigDecimal.ONE, null),
                Arguments.of("x = 'c'", 'c', null),
                Arguments.of("x = y", new Object(), "x"));
    }

    @ParameterizedTest(name = "{0} with x={1}, y={2} is UNKNOWN")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: ordering strings/booleans and unsupported value types are unknown")
    void unsupported(String selector, Object x, Object y) {
        assertThat(truth(selector, values("x", x, "y", y))).isEqualTo(UNKNOWN);
    }

    @ParameterizedTest(name = "{0} with NaN is {1}")
    @CsvSource({"x = x, FALSE", "x <> x, TRUE", "x < 1, FALSE", "x >= 1, FALSE"})
    @DisplayName("3.8.1.1 Message selector syntax: NaN compares as in Java")
    void notANumber(String selector, Truth expected) {
        assertThat(truth(selector, values("x", Double.NaN))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with a={1} is {2}")
    @CsvSource({"(a > 1) = TRUE, 2, TRUE", "(a > 1) = TRUE, 0, FALSE", "(a > 1) <> (a > 5), 3, TRUE",
        "(a > 1) = FALSE, 0, TRUE"})
    @DisplayName("3.8.1.1 Message selector syntax: results of comparisons compare as booleans")
    void comparingConditions(String selector, int a, Truth expected) {
        assertThat(truth(selector, values("a", a))).isEqualTo(expected);
    }
}
