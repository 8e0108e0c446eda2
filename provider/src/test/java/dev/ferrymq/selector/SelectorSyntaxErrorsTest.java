package dev.ferrymq.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid selectors ("Jakarta Messaging providers are required to verify the syntactic
 * correctness of a message selector at the time it is presented"): each is rejected with a
 * {@link SelectorSyntaxException} whose message says what is wrong and quotes the selector.
 */
@DisplayName("3.8.1.1 Message selector syntax: invalid selectors")
class SelectorSyntaxErrorsTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a = (1))|found ')'",
        "a =|found end of selector",
        "= 1|found '='",
        "a + 1|must be a conditional expression, not an arithmetic expression",
        "'abc'|must be a conditional expression, not a string literal",
        "5|must be a conditional expression",
        "-a|must be a conditional expression",
        "a = 'abc|unterminated string literal",
        "s = ''it''s'|found identifier 'it'",
        "a == 1|found '='",
        "a != 1|unexpected character '!'",
        "a = 1 AND|found end of selector",
        "a = 1 OR OR b = 2|found reserved word 'OR'",
        "NOT|found end of selector",
        "(a = 1|expected ')' to close the '(' at position 1",
        "a = 1 AND (b = 2 OR)|found ')'",
        "a BETWEEN 1|expected AND between the bounds of BETWEEN",
        "a BETWEEN 1 OR 2|expected AND between the bounds of BETWEEN",
        "a BETWEEN 'a' AND 'z'|a bound of BETWEEN must be an arithmetic expression",
        "'a' BETWEEN 1 AND 2|the operand of BETWEEN must be an arithmetic expression",
        "a BETWEEN 1 AND 2 BETWEEN 1 AND 3|found 'BETWEEN'",
        "a IN ()|expected a string literal in the IN list",
        "a IN (1, 2)|expected a string literal in the IN list but found numeric literal 1",
        "a IN 'x'|expected '(' to start the IN list",
        "a IN ('x' 'y')|expected ',' or ')' in the IN list",
        "a IN ('x'|expected ',' or ')' in the IN list",
        "'x' IN ('x')|IN must be applied to an identifier",
        "a LIKE 5|expected a string literal as LIKE pattern",
        "a LIKE b|expected a string literal as LIKE pattern",
        "5 LIKE '5'|LIKE must be applied to an identifier, not an arithmetic expression",
        "a = 'x' LIKE 'y'|found 'LIKE'",
        "a LIKE 'x' ESCAPE 'ab'|ESCAPE must be a single character",
        "a LIKE 'x' ESCAPE ''|ESCAPE must be a single character",
        "a LIKE 'x' ESCAPE 5|expected a string literal after ESCAPE",
        "a LIKE 'ab\\' ESCAPE '\\'|LIKE pattern ends with its escape character",
        "a = 1 ESCAPE 'x'|found 'ESCAPE'",
        "a IS 5|expected NULL after IS",
        "a IS NOT|expected NULL after IS NOT",
        "a IS NULL IS NULL|found 'IS'",
        "1 IS NULL|IS NULL must be applied to an identifier",
        "a NOT IS NULL|expected BETWEEN, IN or LIKE after NOT",
        "a NOT = 1|expected BETWEEN, IN or LIKE after NOT",
        "a = NULL|NULL is only allowed in IS NULL and IS NOT NULL",
        "NULL IS NULL|NULL is only allowed in IS NULL and IS NOT NULL",
        "'a' + 1 = 2|an operand of '+' must be an arithmetic expression, not a string literal",
        "a + TRUE = 1|an operand of '+' must be an arithmetic expression, not a conditional expression",
        "a * (b = 1) = 1|an operand of '*' must be an arithmetic expression",
        "-'a' = 1|the operand of unary '-' must be an arithmetic expression",
        "TRUE > 1|an operand of '>' (only = and <> compare strings and booleans)",
        "'a' < 'b'|an operand of '<' (only = and <> compare strings and booleans)",
        "s >= 'b'|an operand of '>=' (only = and <> compare strings and booleans)",
        "(a > 1) < 2|an operand of '<'",
        "TRUE = 0|'=' compares a conditional expression with an arithmetic expression: only like types can be compared",
        "FALSE <> 1|'<>' compares a conditional expression with an arithmetic expression",
        "'a' = 1|'=' compares a string literal with an arithmetic expression",
        "1 = 'a'|'=' compares an arithmetic expression with a string literal",
        "TRUE = 'x'|'=' compares a conditional expression with a string literal",
        "-1.5 + 2 = 'a'|'=' compares an arithmetic expression with a string literal",
        "a AND 5|an operand of AND must be a conditional expression",
        "5 OR a|an operand of OR must be a conditional expression",
        "NOT 'x'|the operand of NOT must be a conditional expression",
        "a = 1 = 2|expected an operator or the end of the selector but found '='",
        "a = 1 -- a comment|found identifier 'comment'",
        "/* c */ a = 1|found '/'",
        "a = 9223372036854775808|out of the range of long",
        "a = 99999999999999999999|out of the range of long",
        "a = 1e400|too large for a double",
        "a = 1e-400|too small for a double",
        "a = 1e40f|too large for a float",
        "a = 09|octal literal has digit '9'",
        "a = 0x|hexadecimal literal has no digits",
        "a = 0b|binary literal has no digits",
        "a = 1_|underscores are only allowed between digits",
        "a = 0x_1|underscores are only allowed between digits",
        "a = 12abc|invalid numeric literal '12abc'",
        "a = 1.5L|invalid numeric literal '1.5L'",
        "a = 1e|exponent has no digits",
        "a = 0x1.8|needs a 'p' exponent",
        "a.b = 1|unexpected character '.'",
        "\"a\" = 1|unexpected character '\"'",
        "a = 1;|unexpected character ';'",
        "AND = 1|found reserved word 'AND'",
        "between = 1|found reserved word 'between'",
        "escape = 1|found reserved word 'escape'",
        "null = 1|NULL is only allowed",
        "JMSDestination = 'q'|'JMSDestination' cannot be used in a selector"
    })
    @DisplayName("3.8.1.1 Message selector syntax: a syntactically incorrect selector is rejected with what is wrong")
    void rejected(String selector, String expectedMessage) {
        assertThatThrownBy(() -> Selector.parse(selector))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining(expectedMessage)
                .hasMessageContaining("in selector '" + selector + "'");
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: the error names the token and its 1-based position")
    void messageNamesPosition() {
        SelectorSyntaxException e = catchThrowableOfType(SelectorSyntaxException.class,
                () -> Selector.parse("a = (1))"));
        assertThat(e).hasMessage(
                "expected an operator or the end of the selector but found ')' at position 8 in selector 'a = (1))'");
        assertThat(e.position()).isEqualTo(8);
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: an unterminated string is reported where it starts")
    void unterminatedStringPosition() {
        SelectorSyntaxException e = catchThrowableOfType(SelectorSyntaxException.class,
                () -> Selector.parse("color = 'blue"));
        assertThat(e.position()).isEqualTo(9);
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: whitespace other than Java's is rejected")
    void verticalTabIsNotWhitespace() {
        assertThatThrownBy(() -> Selector.parse("a\u000B= 1"))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining("unexpected character U+000B at position 2");
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: nesting deeper than the limit is rejected, not a stack overflow")
    void tooDeep() {
        int depth = 100_000;
        assertThatThrownBy(() -> Selector.parse("(".repeat(depth) + "a = 1" + ")".repeat(depth)))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining("nests deeper than " + SelectorParser.MAX_DEPTH);
        assertThatThrownBy(() -> Selector.parse("NOT ".repeat(depth) + "a"))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining("nests deeper than");
        assertThatThrownBy(() -> Selector.parse("a = " + "-".repeat(depth) + "b"))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining("nests deeper than");
        assertThatThrownBy(() -> Selector.parse("a = 1" + " + 1".repeat(depth)))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining("nests deeper than");
    }
}
