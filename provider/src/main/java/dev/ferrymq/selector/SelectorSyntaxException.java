package dev.ferrymq.selector;

/** A selector that is not valid; the engine reports it as INVALID_SELECTOR (InvalidSelectorException). */
public class SelectorSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    public SelectorSyntaxException(String message) {
        super(message);
    }
}
