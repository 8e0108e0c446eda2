package dev.ferrymq.selector;

/** {@code identifier IS [NOT] NULL}: never UNKNOWN. Immutable. */
final class IsNull extends Expr.Condition {

    private final boolean negated;
    private final Identifier identifier;

    IsNull(boolean negated, Identifier identifier) {
        super(identifier.position, identifier);
        this.negated = negated;
        this.identifier = identifier;
    }

    @Override
    Truth test(Evaluation e) {
        return Truth.of((identifier.value(e) == null) != negated);
    }
}
