package dev.ferrymq.selector;

import static dev.ferrymq.selector.Selectors.matches;
import static dev.ferrymq.selector.Selectors.truth;
import static dev.ferrymq.selector.Selectors.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables 3-4, 3-5 and 3-6 of "Null values". Operands are boolean properties {@code p} and
 * {@code q}; UNKNOWN is a property that is not set.
 */
@DisplayName("3.8.1.2 Null values")
class SelectorNullValuesTest {

    private static SelectorValues operands(Truth p, Truth q) {
        return values("p", asValue(p), "q", asValue(q));
    }

    private static Boolean asValue(Truth truth) {
        return truth == Truth.UNKNOWN ? null : truth == Truth.TRUE;
    }

    @ParameterizedTest(name = "{0} AND {1} = {2}")
    @CsvSource({
        "TRUE, TRUE, TRUE", "TRUE, FALSE, FALSE", "TRUE, UNKNOWN, UNKNOWN",
        "FALSE, TRUE, FALSE", "FALSE, FALSE, FALSE", "FALSE, UNKNOWN, FALSE",
        "UNKNOWN, TRUE, UNKNOWN", "UNKNOWN, FALSE, FALSE", "UNKNOWN, UNKNOWN, UNKNOWN"
    })
    @DisplayName("3.8.1.2 Null values: table 3-4, the definition of the AND operator")
    void and(Truth p, Truth q, Truth expected) {
        assertThat(truth("p AND q", operands(p, q))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} OR {1} = {2}")
    @CsvSource({
        "TRUE, TRUE, TRUE", "TRUE, FALSE, TRUE", "TRUE, UNKNOWN, TRUE",
        "FALSE, TRUE, TRUE", "FALSE, FALSE, FALSE", "FALSE, UNKNOWN, UNKNOWN",
        "UNKNOWN, TRUE, TRUE", "UNKNOWN, FALSE, UNKNOWN", "UNKNOWN, UNKNOWN, UNKNOWN"
    })
    @DisplayName("3.8.1.2 Null values: table 3-5, the definition of the OR operator")
    void or(Truth p, Truth q, Truth expected) {
        assertThat(truth("p OR q", operands(p, q))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NOT {0} = {1}")
    @CsvSource({"TRUE, FALSE", "FALSE, TRUE", "UNKNOWN, UNKNOWN"})
    @DisplayName("3.8.1.2 Null values: table 3-6, the definition of the NOT operator")
    void not(Truth p, Truth expected) {
        assertThat(truth("NOT p", operands(p, Truth.UNKNOWN))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource({
        "TRUE, AND, UNKNOWN, UNKNOWN", "UNKNOWN, AND, FALSE, FALSE", "TRUE, OR, UNKNOWN, TRUE",
        "FALSE, OR, UNKNOWN, UNKNOWN"
    })
    @DisplayName("3.8.1.2 Null values: unknown from a comparison with NULL combines by the same tables")
    void comparisonsWithNull(Truth left, String operator, Truth right, Truth expected) {
        String selector = condition(left, "a") + " " + operator + " " + condition(right, "b");
        assertThat(truth(selector, values("a", 1, "b", 1))).isEqualTo(expected);
    }

    private static String condition(Truth truth, String name) {
        return switch (truth) {
            case TRUE -> name + " = 1";
            case FALSE -> name + " = 2";
            case UNKNOWN -> "missing = 1";
        };
    }

    @ParameterizedTest(name = "{0} with a missing is UNKNOWN")
    @CsvSource(delimiter = '|', value = {
        "a = 1", "a <> 1", "a > 1", "a <= 1", "a = a", "'x' = a", "a = TRUE", "a <> 'x'", "1 + a = a + 1"
    })
    @DisplayName("3.8.1.2 Null values: comparison with an unknown value yields unknown")
    void comparisonWithNullIsUnknown(String selector) {
        assertThat(truth(selector, values())).isEqualTo(Truth.UNKNOWN);
    }

    @ParameterizedTest(name = "{0} with x={1} is {2}")
    @CsvSource(nullValues = "null", value = {
        "x IS NULL, null, TRUE", "x IS NULL, 1, FALSE", "x IS NULL, '', FALSE",
        "x IS NOT NULL, null, FALSE", "x IS NOT NULL, 0, TRUE", "x IS NOT NULL, '', TRUE",
        "NOT x IS NULL, null, FALSE", "y IS NULL AND x IS NOT NULL, 1, TRUE"
    })
    @DisplayName("3.8.1.2 Null values: IS NULL and IS NOT NULL turn a missing value into TRUE or FALSE")
    void isNull(String selector, String x, Truth expected) {
        assertThat(truth(selector, values("x", x))).isEqualTo(expected);
    }

    @Test
    @DisplayName("3.8.1.2 Null values: IS NULL is never unknown, whatever the value's type")
    void isNullForEveryType() {
        for (Object value : new Object[] {true, (byte) 1, (short) 1, 1, 1L, 1f, 1d, "s"}) {
            assertThat(truth("x IS NULL", values("x", value))).as("%s", value).isEqualTo(Truth.FALSE);
        }
    }

    @Test
    @DisplayName("3.8.1.2 Null values: a selector that evaluates to unknown does not match, nor does its negation")
    void unknownNeverMatches() {
        assertThat(matches("a = 1", values())).isFalse();
        assertThat(matches("NOT (a = 1)", values())).isFalse();
        assertThat(matches("a = 1 OR TRUE", values())).isTrue();
        assertThat(matches("NOT (a = 1 AND FALSE)", values())).isTrue();
    }
}
