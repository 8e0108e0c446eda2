package dev.ferrymq.selector;

/**
 * A binary arithmetic operation ({@code + - * /}). Two integral operands are combined in
 * {@code long} arithmetic (Java semantics: overflow wraps); otherwise both are promoted to
 * {@code double} (so division by zero gives an infinity or NaN, as in Java). The value is NULL
 * when an operand is NULL or not numeric, and for integral division by zero. Immutable.
 */
final class Arithmetic extends Expr {

    enum Operator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    private final Operator operator;
    private final Expr left;
    private final Expr right;

    Arithmetic(Operator operator, Expr left, Expr right) {
        super(left.position, left, right);
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    @Override
    Type type() {
        return Type.NUMERIC;
    }

    @Override
    boolean constant() {
        return left.constant() && right.constant();
    }

    @Override
    void evaluate(Evaluation e) {
        left.evaluate(e);
        int leftKind = e.kind;
        if (!Evaluation.isNumeric(leftKind)) {
            e.setNull();
            return;
        }
        long leftLong = e.longValue;
        double leftDouble = e.doubleValue;
        right.evaluate(e);
        int rightKind = e.kind;
        if (!Evaluation.isNumeric(rightKind)) {
            e.setNull();
        } else if (leftKind == Evaluation.LONG && rightKind == Evaluation.LONG) {
            longs(e, leftLong, e.longValue);
        } else {
            double a = leftKind == Evaluation.LONG ? leftLong : leftDouble;
            double b = rightKind == Evaluation.LONG ? e.longValue : e.doubleValue;
            e.setDouble(switch (operator) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
            });
        }
    }

    private void longs(Evaluation e, long a, long b) {
        switch (operator) {
            case ADD -> e.setLong(a + b);
            case SUBTRACT -> e.setLong(a - b);
            case MULTIPLY -> e.setLong(a * b);
            case DIVIDE -> {
                if (b == 0) {
                    e.setNull();
                } else {
                    e.setLong(a / b);
                }
            }
        }
    }
}
