package dev.ferrymq.selector;

/**
 * A selector that is not valid; the engine reports it as INVALID_SELECTOR (InvalidSelectorException).
 * The message names what is wrong, where (1-based position), and the selector text, e.g.
 * {@code expected an operator or the end of the selector but found ')' at position 8 in selector 'a = (1))'}.
 *
 * <p>Immutable once thrown.
 */
public class SelectorSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    public SelectorSyntaxException(String message) {
        this(message, -1);
    }

    /**
     * @param message  what is wrong, already naming the position and selector
     * @param position the 1-based character position of the problem, or -1 when unknown
     */
    public SelectorSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** The 1-based character position in the selector text where the problem is, or -1 when unknown. */
    public int position() {
        return position;
    }
}
