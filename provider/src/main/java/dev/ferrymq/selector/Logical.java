package dev.ferrymq.selector;

import java.util.List;

/**
 * A chain {@code a AND b AND ...} or {@code a OR b OR ...} (tables 3-4 and 3-5), kept flat so long
 * chains do not make deep trees. Evaluates left to right and stops at the first FALSE (AND) or
 * TRUE (OR), which decides the result whatever the remaining operands are. Immutable.
 */
final class Logical extends Expr.Condition {

    private final boolean and;
    private final Expr[] operands;

    Logical(boolean and, List<Expr> operands) {
        super(operands.get(0).position, operands.toArray(new Expr[0]));
        this.and = and;
        this.operands = operands.toArray(new Expr[0]);
    }

    @Override
    Truth test(Evaluation e) {
        Truth decisive = and ? Truth.FALSE : Truth.TRUE;
        Truth result = and ? Truth.TRUE : Truth.FALSE;
        for (Expr operand : operands) {
            Truth value = operand.test(e);
            if (value == decisive) {
                return decisive;
            }
            if (value == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }
}
