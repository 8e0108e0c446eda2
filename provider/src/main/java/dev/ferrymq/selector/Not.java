package dev.ferrymq.selector;

/** {@code NOT condition} (table 3-6: NOT UNKNOWN is UNKNOWN). Immutable. */
final class Not extends Expr.Condition {

    private final Expr operand;

    Not(int position, Expr operand) {
        super(position, operand);
        this.operand = operand;
    }

    @Override
    Truth test(Evaluation e) {
        return operand.test(e).not();
    }
}
