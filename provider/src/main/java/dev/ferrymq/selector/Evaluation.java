package dev.ferrymq.selector;

/**
 * The state of one {@link Selector#matches} call: the message's values and a register holding the
 * value the last evaluated expression produced. Numbers are kept as primitives, so arithmetic and
 * comparisons do not box. Integral values (Byte, Short, Integer, Long) are held as {@code long},
 * floating ones (Float, Double) as {@code double}.
 *
 * <p>Not thread-safe: created per {@code matches} call and confined to its thread.
 */
final class Evaluation {

    static final int NULL = 0;
    static final int LONG = 1;
    static final int DOUBLE = 2;
    static final int STRING = 3;
    static final int BOOLEAN = 4;
    /** A value of a type selectors cannot use; every operation on it is unknown. */
    static final int OTHER = 5;

    final SelectorValues values;

    int kind;
    long longValue;
    double doubleValue;
    /** The String, Boolean or other object when {@link #kind} is STRING, BOOLEAN or OTHER. */
    Object ref;

    Evaluation(SelectorValues values) {
        this.values = values;
    }

    static boolean isNumeric(int kind) {
        return kind == LONG || kind == DOUBLE;
    }

    void load(Object value) {
        if (value == null) {
            setNull();
        } else if (value instanceof String) {
            set(STRING, value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            setLong(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            setDouble(((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            set(BOOLEAN, value);
        } else {
            set(OTHER, value);
        }
    }

    void setNull() {
        kind = NULL;
        ref = null;
    }

    void setLong(long value) {
        kind = LONG;
        longValue = value;
    }

    void setDouble(double value) {
        kind = DOUBLE;
        doubleValue = value;
    }

    void set(int kind, Object value) {
        this.kind = kind;
        this.ref = value;
    }

    void setTruth(Truth truth) {
        if (truth == Truth.UNKNOWN) {
            setNull();
        } else {
            set(BOOLEAN, truth == Truth.TRUE ? Boolean.TRUE : Boolean.FALSE);
        }
    }

    /** The register as a condition: a Boolean gives TRUE or FALSE, anything else UNKNOWN. */
    Truth truth() {
        return kind == BOOLEAN ? Truth.of((Boolean) ref) : Truth.UNKNOWN;
    }
}
