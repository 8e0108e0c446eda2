package dev.ferrymq.selector;

import java.util.Objects;

/**
 * A parsed selector: its text and expression tree. {@link #matches} allocates only a small
 * evaluation register, never throws for any combination of values (type mismatches and integral
 * division by zero evaluate to UNKNOWN or FALSE as documented on the expression classes), and
 * only propagates what {@link SelectorValues#selectorValue} itself throws.
 *
 * <p>Immutable; safe to share between threads.
 */
final class CompiledSelector implements Selector {

    private final String text;
    private final Expr root;

    CompiledSelector(String text, Expr root) {
        this.text = text;
        this.root = root;
    }

    @Override
    public boolean matches(SelectorValues values) {
        Objects.requireNonNull(values, "values");
        return root.test(new Evaluation(values)) == Truth.TRUE;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "Selector[" + text + "]";
    }
}
