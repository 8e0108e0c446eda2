package dev.ferrymq.selector;

import java.util.HashMap;
import java.util.Map;

/** Test helpers: compile selectors, build message values, observe three-valued results. */
final class Selectors {

    private Selectors() {
    }

    /** Compiles a selector the test expects to be valid. */
    static Selector compile(String text) {
        try {
            Selector selector = Selector.parse(text);
            if (selector == null) {
                throw new AssertionError("no selector for '" + text + "'");
            }
            return selector;
        } catch (SelectorSyntaxException e) {
            throw new AssertionError("selector should be valid: " + text, e);
        }
    }

    /** Values from name/value pairs; a pair with a null value is the same as an absent property. */
    static SelectorValues values(Object... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map::get;
    }

    static boolean matches(String selector, SelectorValues values) {
        return compile(selector).matches(values);
    }

    /**
     * The truth value of a conditional expression, observed through the public API: TRUE when it
     * matches, FALSE when {@code NOT (it)} matches, UNKNOWN when neither does.
     */
    static Truth truth(String condition, SelectorValues values) {
        boolean positive = compile(condition).matches(values);
        boolean negative = compile("NOT (" + condition + ")").matches(values);
        if (positive && negative) {
            throw new AssertionError("both '" + condition + "' and its negation match");
        }
        return positive ? Truth.TRUE : negative ? Truth.FALSE : Truth.UNKNOWN;
    }
}
