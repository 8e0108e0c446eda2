package dev.ferrymq.selector;

import java.util.List;
import java.util.Set;

/**
 * {@code identifier [NOT] IN ('a', 'b', ...)}: UNKNOWN when the identifier is NULL (and when its
 * value is not a String, which the specification does not allow), otherwise whether the value is
 * one of the strings (negated for NOT IN). Immutable.
 */
final class InList extends Expr.Condition {

    private final boolean negated;
    private final Identifier identifier;
    private final Set<String> strings;

    InList(boolean negated, Identifier identifier, List<String> strings) {
        super(identifier.position, identifier);
        this.negated = negated;
        this.identifier = identifier;
        this.strings = Set.copyOf(strings);
    }

    @Override
    Truth test(Evaluation e) {
        return identifier.value(e) instanceof String s ? Truth.of(strings.contains(s) != negated) : Truth.UNKNOWN;
    }
}
