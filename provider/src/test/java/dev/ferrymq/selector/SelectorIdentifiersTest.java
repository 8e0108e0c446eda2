package dev.ferrymq.selector;

import static dev.ferrymq.selector.Selectors.compile;
import static dev.ferrymq.selector.Selectors.matches;
import static dev.ferrymq.selector.Selectors.truth;
import static dev.ferrymq.selector.Selectors.values;
import static dev.ferrymq.selector.Truth.FALSE;
import static dev.ferrymq.selector.Truth.TRUE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("3.8.1.1 Message selector syntax: identifiers, keywords and whitespace")
class SelectorIdentifiersTest {

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: identifiers are case sensitive")
    void identifiersAreCaseSensitive() {
        assertThat(matches("Color = 'blue'", values("Color", "blue"))).isTrue();
        assertThat(matches("Color = 'blue'", values("color", "blue"))).isFalse();
        assertThat(matches("color = 'blue'", values("Color", "blue"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "a between 1 and 3",
        "a BeTwEeN 1 AnD 3",
        "s like 'x%'",
        "s Like 'x!%' escape '!' or s = 'x'",
        "s in ('x', 'y')",
        "s is not null",
        "missing IS NULL",
        "not a = 5",
        "a = 5 or b = true",
        "b = TrUe and not (a <> 2)"
    })
    @DisplayName("3.8.1.1 Message selector syntax: keywords and literals are case insensitive")
    void keywordsAreCaseInsensitive(String selector) {
        assertThat(matches(selector, values("a", 2, "s", "x", "b", true))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "$price = 1", "_x = 1", "a1b2 = 1", "gr\u00f6\u00dfe = 1", "\u0131s = 1", "ORDER = 1", "notice = 1",
        "android = 1", "isbn = 1", "Inventory = 1", "likes = 1", "NULLS = 1", "escaped = 1", "TRUEish = 1",
        "JMSX_custom = 1", "JMS_vendor_prop = 1", "jmsType = 1", "JMSXGroupSeq = 1"
    })
    @DisplayName("3.8.1.1 Message selector syntax: Java identifiers, keyword prefixes, JMSX and JMS_ names")
    void identifiers(String selector) {
        String name = selector.substring(0, selector.indexOf(' '));
        assertThat(matches(selector, values(name, 1))).isTrue();
        assertThat(matches(selector, values(name, 2))).isFalse();
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: whitespace is space, tab, form feed and line terminators")
    void javaWhitespace() {
        assertThat(matches(" \ta\n=\r\n1\fAND\rb = 2 ", values("a", 1, "b", 2))).isTrue();
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: a boolean property is a conditional expression")
    void booleanIdentifierAsCondition() {
        assertThat(truth("flag", values("flag", true))).isEqualTo(TRUE);
        assertThat(truth("flag", values("flag", false))).isEqualTo(FALSE);
        assertThat(truth("flag AND other", values("flag", true, "other", true))).isEqualTo(TRUE);
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: property types are not converted ('NumberOfOrders > 1' is false)")
    void numberOfOrdersStringIsNotANumber() {
        SelectorValues message = values("NumberOfOrders", "2");
        assertThat(matches("NumberOfOrders > 1", message)).isFalse();
        assertThat(truth("NumberOfOrders > 1", message)).isEqualTo(FALSE);
        assertThat(matches("NumberOfOrders > 1", values("NumberOfOrders", 2))).isTrue();
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: an empty or blank selector means no selector")
    void emptyMeansNoSelector() throws SelectorSyntaxException {
        assertThat(Selector.parse(null)).isNull();
        assertThat(Selector.parse("")).isNull();
        assertThat(Selector.parse(" \t\n")).isNull();
    }

    @Test
    @DisplayName("3.8.1.1 Message selector syntax: text() is the selector as given")
    void textIsKept() {
        assertThat(compile(" a = 1 ").text()).isEqualTo(" a = 1 ");
    }
}
