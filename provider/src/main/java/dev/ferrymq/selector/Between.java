package dev.ferrymq.selector;

import dev.ferrymq.selector.Comparison.Operator;

/**
 * {@code value [NOT] BETWEEN low AND high}, evaluated exactly as the specification's equivalents
 * {@code value >= low AND value <= high} and {@code value < low OR value > high}, with the
 * {@link Comparison} rules and three-valued AND/OR. Immutable.
 */
final class Between extends Expr.Condition {

    private final boolean negated;
    private final Expr value;
    private final Expr low;
    private final Expr high;

    Between(boolean negated, Expr value, Expr low, Expr high) {
        super(value.position, value, low, high);
        this.negated = negated;
        this.value = value;
        this.low = low;
        this.high = high;
    }

    @Override
    Truth test(Evaluation e) {
        value.evaluate(e);
        int kind = e.kind;
        long longValue = e.longValue;
        double doubleValue = e.doubleValue;
        Object ref = e.ref;
        low.evaluate(e);
        Truth aboveLow = Comparison.compare(negated ? Operator.LT : Operator.GE,
                kind, longValue, doubleValue, ref, e.kind, e.longValue, e.doubleValue, e.ref);
        high.evaluate(e);
        Truth belowHigh = Comparison.compare(negated ? Operator.GT : Operator.LE,
                kind, longValue, doubleValue, ref, e.kind, e.longValue, e.doubleValue, e.ref);
        return negated ? aboveLow.or(belowHigh) : aboveLow.and(belowHigh);
    }
}
