package dev.ferrymq.selector;

/** Placeholder until the selector grammar lands: refuses every selector. */
final class SelectorParser {

    private SelectorParser() {
    }

    static Selector parse(String text) throws SelectorSyntaxException {
        throw new SelectorSyntaxException("selectors are not implemented yet: " + text);
    }
}
