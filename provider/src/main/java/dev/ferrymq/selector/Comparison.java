package dev.ferrymq.selector;

/**
 * A comparison ({@code = <> < <= > >=}), "Message selector syntax":
 * <ul>
 * <li>NULL on either side gives UNKNOWN;</li>
 * <li>numbers compare after Java numeric promotion: two integral values as {@code long}, otherwise
 *     as {@code double} (so NaN is unequal to everything, as in Java);</li>
 * <li>strings and booleans compare with {@code =} and {@code <>} only; ordering them gives UNKNOWN
 *     (the parser already rejects it when a side is a literal or condition);</li>
 * <li>values of different types (string vs number, boolean vs string, ...) give FALSE, as the
 *     specification says for "comparison of non-like type values", also for {@code <>};</li>
 * <li>a value of a type selectors do not support gives UNKNOWN.</li>
 * </ul>
 * Immutable.
 */
final class Comparison extends Expr.Condition {

    enum Operator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        boolean isOrdering() {
            return this != EQ && this != NE;
        }
    }

    private final Operator operator;
    private final Expr left;
    private final Expr right;

    Comparison(Operator operator, Expr left, Expr right) {
        super(left.position, left, right);
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    @Override
    Truth test(Evaluation e) {
        left.evaluate(e);
        int kind = e.kind;
        long longValue = e.longValue;
        double doubleValue = e.doubleValue;
        Object ref = e.ref;
        right.evaluate(e);
        return compare(operator, kind, longValue, doubleValue, ref, e.kind, e.longValue, e.doubleValue, e.ref);
    }

    /** Compares two register values (see the class comment for the rules). */
    static Truth compare(Operator op, int leftKind, long leftLong, double leftDouble, Object leftRef,
                         int rightKind, long rightLong, double rightDouble, Object rightRef) {
        if (leftKind == Evaluation.NULL || rightKind == Evaluation.NULL
                || leftKind == Evaluation.OTHER || rightKind == Evaluation.OTHER) {
            return Truth.UNKNOWN;
        }
        if (leftKind == Evaluation.LONG && rightKind == Evaluation.LONG) {
            return Truth.of(longs(op, leftLong, rightLong));
        }
        if (Evaluation.isNumeric(leftKind) && Evaluation.isNumeric(rightKind)) {
            double a = leftKind == Evaluation.LONG ? leftLong : leftDouble;
            double b = rightKind == Evaluation.LONG ? rightLong : rightDouble;
            return Truth.of(doubles(op, a, b));
        }
        if (leftKind != rightKind) {
            return Truth.FALSE;
        }
        return switch (op) {
            case EQ -> Truth.of(leftRef.equals(rightRef));
            case NE -> Truth.of(!leftRef.equals(rightRef));
            default -> Truth.UNKNOWN;
        };
    }

    private static boolean longs(Operator op, long a, long b) {
        return switch (op) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }

    private static boolean doubles(Operator op, double a, double b) {
        return switch (op) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }
}
