package dev.ferrymq.selector;

/** A string, exact numeric, approximate numeric or boolean literal. Immutable. */
final class Literal extends Expr {

    private final int kind;
    private final long longValue;
    private final double doubleValue;
    private final Object ref;

    private Literal(int position, int kind, long longValue, double doubleValue, Object ref) {
        super(position);
        this.kind = kind;
        this.longValue = longValue;
        this.doubleValue = doubleValue;
        this.ref = ref;
    }

    static Literal exact(int position, long value) {
        return new Literal(position, Evaluation.LONG, value, 0, null);
    }

    static Literal approximate(int position, double value) {
        return new Literal(position, Evaluation.DOUBLE, 0, value, null);
    }

    static Literal string(int position, String value) {
        return new Literal(position, Evaluation.STRING, 0, 0, value);
    }

    static Literal bool(int position, boolean value) {
        return new Literal(position, Evaluation.BOOLEAN, 0, 0, Boolean.valueOf(value));
    }

    @Override
    Type type() {
        return switch (kind) {
            case Evaluation.LONG, Evaluation.DOUBLE -> Type.NUMERIC;
            case Evaluation.STRING -> Type.STRING;
            default -> Type.CONDITION;
        };
    }

    @Override
    boolean constant() {
        return true;
    }

    @Override
    void evaluate(Evaluation e) {
        e.kind = kind;
        e.longValue = longValue;
        e.doubleValue = doubleValue;
        e.ref = ref;
    }

    @Override
    Truth test(Evaluation e) {
        return kind == Evaluation.BOOLEAN ? Truth.of((Boolean) ref) : Truth.UNKNOWN;
    }
}
