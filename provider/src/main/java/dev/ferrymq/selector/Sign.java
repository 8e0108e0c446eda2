package dev.ferrymq.selector;

/**
 * Unary {@code +} or {@code -} applied to an expression that is not a numeric literal (the parser
 * folds signs into literals). The value is NULL when the operand is NULL or not numeric. Immutable.
 */
final class Sign extends Expr {

    private final boolean negate;
    private final Expr operand;

    Sign(int position, boolean negate, Expr operand) {
        super(position, operand);
        this.negate = negate;
        this.operand = operand;
    }

    @Override
    Type type() {
        return Type.NUMERIC;
    }

    @Override
    boolean constant() {
        return operand.constant();
    }

    @Override
    void evaluate(Evaluation e) {
        operand.evaluate(e);
        if (e.kind == Evaluation.LONG) {
            if (negate) {
                e.longValue = -e.longValue;
            }
        } else if (e.kind == Evaluation.DOUBLE) {
            if (negate) {
                e.doubleValue = -e.doubleValue;
            }
        } else {
            e.setNull();
        }
    }
}
