package dev.ferrymq.selector;

/**
 * A compiled JMS message selector ("Message selector syntax" in the specification).
 * Instances are immutable and safe to share between threads.
 */
public interface Selector {

    /** Whether the message whose values are given matches (true; false and unknown do not). */
    boolean matches(SelectorValues values);

    /** The selector text this was compiled from. */
    String text();

    /**
     * Compiles a selector.
     *
     * @param text the selector; {@code null} or blank means no selector
     * @return the compiled selector, or {@code null} when {@code text} is null or blank
     * @throws SelectorSyntaxException naming what is wrong and where
     */
    static Selector parse(String text) throws SelectorSyntaxException {
        if (text == null || text.isBlank()) {
            return null;
        }
        return SelectorParser.parse(text);
    }
}
