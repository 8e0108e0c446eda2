package dev.ferrymq.selector;

import static dev.ferrymq.selector.Selectors.compile;
import static dev.ferrymq.selector.Selectors.truth;
import static dev.ferrymq.selector.Selectors.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.StringJoiner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("3.8.1.1 Message selector syntax: precedence and parentheses")
class SelectorPrecedenceTest {

    @ParameterizedTest(name = "{0} with t=TRUE, f=FALSE is {1}")
    @CsvSource(delimiter = '|', value = {
        "t OR f AND f|TRUE",
        "(t OR f) AND f|FALSE",
        "f AND f OR t|TRUE",
        "f AND (f OR t)|FALSE",
        "NOT f AND f|FALSE",
        "NOT (f AND f)|TRUE",
        "NOT t OR t|TRUE",
        "NOT (t OR t)|FALSE",
        "NOT NOT t|TRUE",
        "NOT NOT NOT t|FALSE",
        "((((t))))|TRUE",
        "t AND t AND t AND f|FALSE",
        "f OR f OR f OR t|TRUE"
    })
    @DisplayName("3.8.1.1 Message selector syntax: logical operators in precedence order NOT, AND, OR")
    void logicalPrecedence(String selector, Truth expected) {
        assertThat(truth(selector, values("t", true, "f", false))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with a=2, b=3 is {1}")
    @CsvSource(delimiter = '|', value = {
        "NOT a = 1|TRUE",
        "NOT a = 2|FALSE",
        "a = 1 OR a = 2 AND b = 3|TRUE",
        "(a = 1 OR a = 2) AND b = 4|FALSE",
        "a + 1 = b AND b - 1 = a|TRUE",
        "a * b - 1 > b + a|FALSE",
        "NOT a BETWEEN 1 AND 3|FALSE",
        "NOT a + 1 > b|TRUE",
        "(a + 1) * 2 = 6 OR FALSE|TRUE"
    })
    @DisplayName("3.8.1.1 Message selector syntax: arithmetic binds tighter than comparison, comparison than NOT")
    void comparisonPrecedence(String selector, Truth expected) {
        assertThat(truth(selector, values("a", 2, "b", 3))).isEqualTo(expected);
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: long OR chains are evaluated without deep recursion")
    void longChains() {
        StringJoiner or = new StringJoiner(" OR ");
        for (int i = 0; i < 20_000; i++) {
            or.add("n = " + i);
        }
        Selector selector = compile(or.toString());
        assertThat(selector.matches(values("n", 19_999))).isTrue();
        assertThat(selector.matches(values("n", 20_000))).isFalse();
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: nested parentheses up to the depth limit")
    void nestedParentheses() {
        int depth = SelectorParser.MAX_DEPTH - 1;
        String selector = "(".repeat(depth) + "a = 1" + ")".repeat(depth);
        assertThat(compile(selector).matches(values("a", 1))).isTrue();
    }
}
