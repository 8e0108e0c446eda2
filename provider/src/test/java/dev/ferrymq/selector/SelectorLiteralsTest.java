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

@DisplayName("3.8.1.1 Message selector syntax: literals")
class SelectorLiteralsTest {

    static Stream<Arguments> stringLiterals() {
        return Stream.of(
                Arguments.of("s = 'literal'", "literal", TRUE),
                Arguments.of("s = 'literal''s'", "literal's", TRUE),
                Arguments.of("s = ''''", "'", TRUE),
                Arguments.of("s = ''", "", TRUE),
                Arguments.of("s = ''", " ", FALSE),
                Arguments.of("s = 'h\u00e9llo \u20ac \uD83D\uDE00'", "h\u00e9llo \u20ac \uD83D\uDE00", TRUE),
                Arguments.of("s = 'a  b'", "a b", FALSE),
                Arguments.of("s = 'Literal'", "literal", FALSE),
                Arguments.of("s = 'AND OR NOT'", "AND OR NOT", TRUE),
                Arguments.of("s = '%_'", "%_", TRUE));
    }

    @ParameterizedTest(name = "{0} with s={1} is {2}")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: string literals in single quotes, '' for a quote")
    void stringLiterals(String selector, String value, Truth expected) {
        assertThat(truth(selector, values("s", value))).isEqualTo(expected);
    }

    static Stream<Arguments> exactLiterals() {
        return Stream.of(
                Arguments.of("n = 57", 57L),
                Arguments.of("n = -957", -957L),
                Arguments.of("n = +62", 62L),
                Arguments.of("n = 0", 0L),
                Arguments.of("n = 57L", 57L),
                Arguments.of("n = 57l", 57L),
                Arguments.of("n = 0x1F", 31L),
                Arguments.of("n = 0XffL", 255L),
                Arguments.of("n = 017", 15L),
                Arguments.of("n = 0b101", 5L),
                Arguments.of("n = 1_000_000", 1_000_000L),
                Arguments.of("n = 3000000000", 3_000_000_000L),
                Arguments.of("n = 9223372036854775807", Long.MAX_VALUE),
                Arguments.of("n = -9223372036854775808", Long.MIN_VALUE),
                Arguments.of("n = 0xFFFFFFFFFFFFFFFFL", -1L),
                Arguments.of("n = - 5", -5L));
    }

    @ParameterizedTest(name = "{0} matches n={1}")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: exact numeric literals use Java integer literal syntax")
    void exactLiterals(String selector, long value) {
        assertThat(truth(selector, values("n", value))).isEqualTo(TRUE);
        assertThat(truth(selector, values("n", value + 1))).isEqualTo(FALSE);
    }

    static Stream<Arguments> approximateLiterals() {
        return Stream.of(
                Arguments.of("d = 7E3", 7000.0),
                Arguments.of("d = -57.9E2", -5790.0),
                Arguments.of("d = 7.", 7.0),
                Arguments.of("d = -95.7", -95.7),
                Arguments.of("d = +6.2", 6.2),
                Arguments.of("d = .5", 0.5),
                Arguments.of("d = 1e-3", 0.001),
                Arguments.of("d = 1.5E+2", 150.0),
                Arguments.of("d = 2.5D", 2.5),
                Arguments.of("d = 2.5d", 2.5),
                Arguments.of("d = 1f", 1.0),
                Arguments.of("d = 1_0.2_5", 10.25),
                Arguments.of("d = 0x1.8p1", 3.0),
                Arguments.of("d = 1.7976931348623157E308", Double.MAX_VALUE),
                Arguments.of("d = 4.9E-324", Double.MIN_VALUE));
    }

    @ParameterizedTest(name = "{0} matches d={1}")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: approximate numeric literals use Java floating-point syntax")
    void approximateLiterals(String selector, double value) {
        assertThat(truth(selector, values("d", value))).isEqualTo(TRUE);
        assertThat(truth(selector, values("d", -value))).isEqualTo(FALSE);
    }

    static Stream<Arguments> floatSuffix() {
        return Stream.of(
                Arguments.of("f = 1.1F", 1.1f, TRUE),
                Arguments.of("f = 1.1F", 1.1d, FALSE),
                Arguments.of("f = 1.1", 1.1d, TRUE),
                Arguments.of("f = 1.1", 1.1f, FALSE),
                Arguments.of("f = 1.5", 1.5f, TRUE));
    }

    @ParameterizedTest(name = "{0} with f={1} is {2}")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: an F suffix makes a float literal, compared after Java promotion")
    void floatSuffix(String selector, Object value, Truth expected) {
        assertThat(truth(selector, values("f", value))).isEqualTo(expected);
    }

    static Stream<Arguments> booleanLiterals() {
        return Stream.of(
                Arguments.of("TRUE", null, TRUE),
                Arguments.of("FALSE", null, FALSE),
                Arguments.of("true", null, TRUE),
                Arguments.of("fAlSe", null, FALSE),
                Arguments.of("b = TRUE", true, TRUE),
                Arguments.of("b = TRUE", false, FALSE),
                Arguments.of("b = false", false, TRUE),
                Arguments.of("b <> TRUE", false, TRUE),
                Arguments.of("TRUE = TRUE", null, TRUE),
                Arguments.of("TRUE <> FALSE", null, TRUE));
    }

    @ParameterizedTest(name = "{0} with b={1} is {2}")
    @MethodSource
    @DisplayName("3.8.1.1 Message selector syntax: boolean literals TRUE and FALSE")
    void booleanLiterals(String selector, Boolean value, Truth expected) {
        assertThat(truth(selector, values("b", value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with s=''abc'' is UNKNOWN")
    @MethodSource("dev.ferrymq.selector.SelectorLiteralsTest#nonBooleanConditions")
    @DisplayName("3.8.1.1 Message selector syntax: an identifier used as a condition needs a boolean value")
    void nonBooleanIdentifierAsCondition(String selector) {
        assertThat(truth(selector, values("s", "abc", "n", 1))).isEqualTo(UNKNOWN);
    }

    static Stream<String> nonBooleanConditions() {
        return Stream.of("s", "n", "missing", "s AND TRUE", "NOT n");
    }
}
