package dev.ferrymq.selector;

/**
 * A header field or property reference; its value comes from {@link SelectorValues} and is NULL
 * when the message has none. Used as a condition it is TRUE or FALSE for a Boolean value and
 * UNKNOWN otherwise. Immutable.
 */
final class Identifier extends Expr {

    final String name;

    Identifier(int position, String name) {
        super(position);
        this.name = name;
    }

    Object value(Evaluation e) {
        return e.values.selectorValue(name);
    }

    @Override
    Type type() {
        return Type.DYNAMIC;
    }

    @Override
    void evaluate(Evaluation e) {
        e.load(value(e));
    }

    @Override
    Truth test(Evaluation e) {
        return value(e) instanceof Boolean b ? Truth.of(b) : Truth.UNKNOWN;
    }
}
