package dev.ferrymq.selector;

import static dev.ferrymq.selector.Selectors.truth;
import static dev.ferrymq.selector.Selectors.values;
import static dev.ferrymq.selector.Truth.FALSE;
import static dev.ferrymq.selector.Truth.TRUE;
import static dev.ferrymq.selector.Truth.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("3.8.1.1 Message selector syntax: BETWEEN, IN and LIKE")
class SelectorPredicatesTest {

    @Nested
    @DisplayName("3.8.1.1 Message selector syntax: [NOT] BETWEEN")
    class Between {

        @ParameterizedTest(name = "age={0}: BETWEEN is {1}, NOT BETWEEN is {2}")
        @CsvSource({"14, FALSE, TRUE", "15, TRUE, FALSE", "17, TRUE, FALSE", "19, TRUE, FALSE", "20, FALSE, TRUE"})
        @DisplayName("3.8.1.1 Message selector syntax: 'age BETWEEN 15 AND 19' includes both bounds")
        void spec(int age, Truth between, Truth notBetween) {
            assertThat(truth("age BETWEEN 15 AND 19", values("age", age))).isEqualTo(between);
            assertThat(truth("age NOT BETWEEN 15 AND 19", values("age", age))).isEqualTo(notBetween);
        }

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("x BETWEEN 1.5 AND 2.5", 2, null, TRUE),
                    Arguments.of("x BETWEEN 1 AND 2", 2.5f, null, FALSE),
                    Arguments.of("x BETWEEN y - 1 AND y + 1", 4L, 5, TRUE),
                    Arguments.of("x BETWEEN 2 AND 1", 1, null, FALSE),
                    Arguments.of("x BETWEEN 1 AND 3 AND y = 5", 2, 5, TRUE),
                    Arguments.of("x BETWEEN 1 AND 3 OR y = 5", 7, 5, TRUE),
                    Arguments.of("x BETWEEN 15 AND 19", null, null, UNKNOWN),
                    Arguments.of("x NOT BETWEEN 15 AND 19", null, null, UNKNOWN),
                    Arguments.of("x BETWEEN 15 AND y", 10, null, FALSE),
                    Arguments.of("x BETWEEN 15 AND y", 17, null, UNKNOWN),
                    Arguments.of("x NOT BETWEEN y AND 19", 25, null, TRUE),
                    Arguments.of("x NOT BETWEEN y AND 19", 17, null, UNKNOWN),
                    Arguments.of("x BETWEEN 1 AND 2", "1", null, FALSE),
                    Arguments.of("x NOT BETWEEN 1 AND 2", "5", null, FALSE),
                    Arguments.of("x + 1 BETWEEN 1 AND 2", 1, null, TRUE),
                    Arguments.of("x NOT BETWEEN -9223372036854775808 AND 9223372036854775807", Long.MIN_VALUE, null,
                            FALSE));
        }

        @ParameterizedTest(name = "{0} with x={1}, y={2} is {3}")
        @MethodSource("cases")
        @DisplayName("3.8.1.1 Message selector syntax: BETWEEN as its >= AND <= equivalent, NOT BETWEEN as < OR >")
        void betweenCases(String selector, Object x, Object y, Truth expected) {
            assertThat(truth(selector, values("x", x, "y", y))).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("3.8.1.1 Message selector syntax: [NOT] IN")
    class In {

        @ParameterizedTest(name = "Country={0}: IN is {1}, NOT IN is {2}")
        @CsvSource(nullValues = "null", value = {
            "UK, TRUE, FALSE", "US, TRUE, FALSE", "France, TRUE, FALSE", "Peru, FALSE, TRUE", "uk, FALSE, TRUE",
            "'', FALSE, TRUE", "null, UNKNOWN, UNKNOWN"
        })
        @DisplayName("3.8.1.1 Message selector syntax: Country IN ('UK', 'US', 'France')")
        void spec(String country, Truth in, Truth notIn) {
            assertThat(truth("Country IN ('UK', 'US', 'France')", values("Country", country))).isEqualTo(in);
            assertThat(truth("Country NOT IN ('UK', 'US', 'France')", values("Country", country))).isEqualTo(notIn);
        }

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("s IN ('it''s')", "it's", TRUE),
                    Arguments.of("s IN ('a')", "a", TRUE),
                    Arguments.of("s IN ('a', 'a', 'b')", "b", TRUE),
                    Arguments.of("s IN ('')", "", TRUE),
                    Arguments.of("s IN ('%')", "abc", FALSE),
                    Arguments.of("s IN ('1')", 1, UNKNOWN),
                    Arguments.of("s NOT IN ('1')", 1, UNKNOWN),
                    Arguments.of("s IN ('true')", true, UNKNOWN),
                    Arguments.of("NOT s IN ('a')", "b", TRUE));
        }

        @ParameterizedTest(name = "{0} with s={1} is {2}")
        @MethodSource("cases")
        @DisplayName("3.8.1.1 Message selector syntax: IN compares String values with string literals")
        void inCases(String selector, Object s, Truth expected) {
            assertThat(truth(selector, values("s", s))).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("3.8.1.1 Message selector syntax: [NOT] LIKE")
    class Like {

        @ParameterizedTest(name = "{0} with v={1} is {2}")
        @CsvSource(delimiter = '|', value = {
            "phone LIKE '12%3'|123|TRUE",
            "phone LIKE '12%3'|12993|TRUE",
            "phone LIKE '12%3'|1234|FALSE",
            "phone LIKE 'l_se'|lose|TRUE",
            "phone LIKE 'l_se'|loose|FALSE",
            "phone LIKE '\\_%' ESCAPE '\\'|_foo|TRUE",
            "phone LIKE '\\_%' ESCAPE '\\'|bar|FALSE",
            "phone NOT LIKE '12%3'|123|FALSE",
            "phone NOT LIKE '12%3'|12993|FALSE",
            "phone NOT LIKE '12%3'|1234|TRUE"
        })
        @DisplayName("3.8.1.1 Message selector syntax: the specification's LIKE examples")
        void spec(String selector, String value, Truth expected) {
            assertThat(truth(selector, values("phone", value))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "''{1}'' LIKE ''{0}'' is {2}")
        @CsvSource(delimiter = '|', value = {
            "%|''|TRUE", "%|anything|TRUE", "''|''|TRUE", "''|x|FALSE", "_|x|TRUE", "_|''|FALSE", "_|xy|FALSE",
            "abc|abc|TRUE", "abc|ABC|FALSE", "abc|abcd|FALSE", "abc%|abcdef|TRUE", "abc%|xabc|FALSE",
            "%def|abcdef|TRUE", "%def|defx|FALSE", "%cd%|abcdef|TRUE", "%cd%|acbd|FALSE", "%%|x|TRUE",
            "a%b%c|aXbYc|TRUE", "a%b%c|abc|TRUE", "a%b%c|acb|FALSE", "%a%b%|xaybz|TRUE", "%a%b%|xbya|FALSE",
            "%aab|aaab|TRUE", "%ab%ab|abxab|TRUE", "%ab%ab|abab|TRUE", "%ab%ab|aba|FALSE", "_b%|abc|TRUE",
            "%_|''|FALSE", "%__|ab|TRUE", "%__|a|FALSE", "a_%_b|axyb|TRUE", "a_%_b|axb|FALSE"
        })
        @DisplayName("3.8.1.1 Message selector syntax: '_' is one character, '%' any sequence including none")
        void wildcards(String pattern, String value, Truth expected) {
            assertThat(truth("v LIKE '" + pattern + "'", values("v", value))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "''{1}'' LIKE ''{0}'' is {2}")
        @CsvSource(delimiter = '#', value = {
            "a.c#abc#FALSE", "a.c#a.c#TRUE", ".*#xyz#FALSE", ".*#.*#TRUE", "[abc]#a#FALSE", "[abc]#[abc]#TRUE",
            "^a$#a#FALSE", "^a$#^a$#TRUE", "a+b#aab#FALSE", "a+b#a+b#TRUE", "(x)|y#(x)|y#TRUE", "(x)|y#x#FALSE",
            "\\d#1#FALSE", "\\d#\\d#TRUE", "a?#a?#TRUE", "a?#a#FALSE", "{1}#{1}#TRUE", "$%#$x#TRUE",
            "\\Q%\\E#\\Qx\\E#TRUE"
        })
        @DisplayName("3.8.1.1 Message selector syntax: regular expression metacharacters in patterns stand for themselves")
        void metacharactersAreLiteral(String pattern, String value, Truth expected) {
            assertThat(truth("v LIKE '" + pattern + "'", values("v", value))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} with v={1} is {2}")
        @CsvSource(delimiter = '|', value = {
            "v LIKE '100!%' ESCAPE '!'|100%|TRUE",
            "v LIKE '100!%' ESCAPE '!'|1000|FALSE",
            "v LIKE '!_%' ESCAPE '!'|_x|TRUE",
            "v LIKE '!_%' ESCAPE '!'|ax|FALSE",
            "v LIKE 'a!!b' ESCAPE '!'|a!b|TRUE",
            "v LIKE '!a' ESCAPE '!'|a|TRUE",
            "v LIKE '%!%%' ESCAPE '!'|50% off|TRUE",
            "v LIKE '%!%%' ESCAPE '!'|50 off|FALSE",
            "v LIKE '_%%_' ESCAPE '%'|x%y|TRUE",
            "v LIKE '_%%_' ESCAPE '%'|xyz|FALSE",
            "v LIKE 'x''_' ESCAPE ''''|x_|TRUE",
            "v LIKE 'x''_' ESCAPE ''''|xa|FALSE",
            "v LIKE '\\%' |\\abc|TRUE"
        })
        @DisplayName("3.8.1.1 Message selector syntax: ESCAPE makes '_' and '%' literal")
        void escape(String selector, String value, Truth expected) {
            assertThat(truth(selector, values("v", value))).isEqualTo(expected);
        }

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("v LIKE 'a%b'", "a\nb", TRUE),
                    Arguments.of("v LIKE 'a_b'", "a\nb", TRUE),
                    Arguments.of("v LIKE 'a_c'", "a\uD83D\uDE00c", TRUE),
                    Arguments.of("v LIKE '__'", "\uD83D\uDE00", FALSE),
                    Arguments.of("v LIKE '%\uD83D\uDE00'", "x\uD83D\uDE00", TRUE),
                    Arguments.of("v LIKE '%\u00e9_'", "caf\u00e9s", TRUE),
                    Arguments.of("v LIKE 'a%'", null, UNKNOWN),
                    Arguments.of("v NOT LIKE 'a%'", null, UNKNOWN),
                    Arguments.of("v LIKE '1%'", 1, UNKNOWN),
                    Arguments.of("v NOT LIKE '1%'", 1, UNKNOWN),
                    Arguments.of("v LIKE 'true'", true, UNKNOWN),
                    Arguments.of("NOT v LIKE 'a%'", "b", TRUE));
        }

        @ParameterizedTest(name = "{0} with v={1} is {2}")
        @MethodSource("cases")
        @DisplayName("3.8.1.1 Message selector syntax: LIKE on line breaks, surrogate pairs, NULL and non-strings")
        void likeCases(String selector, Object value, Truth expected) {
            assertThat(truth(selector, values("v", value))).isEqualTo(expected);
        }
    }
}
