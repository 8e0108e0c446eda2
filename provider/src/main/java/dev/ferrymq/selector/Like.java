package dev.ferrymq.selector;

/**
 * {@code identifier [NOT] LIKE 'pattern' [ESCAPE 'c']}: UNKNOWN when the identifier is NULL (and
 * when its value is not a String, which the specification does not allow), otherwise whether the
 * value matches the pattern compiled at parse time (negated for NOT LIKE). Immutable.
 */
final class Like extends Expr.Condition {

    private final boolean negated;
    private final Identifier identifier;
    private final LikePattern pattern;

    Like(boolean negated, Identifier identifier, LikePattern pattern) {
        super(identifier.position, identifier);
        this.negated = negated;
        this.identifier = identifier;
        this.pattern = pattern;
    }

    @Override
    Truth test(Evaluation e) {
        return identifier.value(e) instanceof String s ? Truth.of(pattern.matches(s) != negated) : Truth.UNKNOWN;
    }
}
