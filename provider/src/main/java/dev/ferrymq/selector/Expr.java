package dev.ferrymq.selector;

/**
 * A node of a compiled selector's expression tree. Trees are immutable and evaluated without
 * allocation: a node writes the value it produces into the {@link Evaluation} register, and
 * conditional nodes answer a {@link Truth} directly.
 *
 * <p>Immutable; safe to share between threads.
 */
abstract class Expr {

    /** The type of an expression as far as it is known when parsing. */
    enum Type {
        CONDITION("a conditional expression"),
        NUMERIC("an arithmetic expression"),
        STRING("a string literal"),
        /** An identifier: its type is only known once a message supplies a value. */
        DYNAMIC("an identifier");

        final String description;

        Type(String description) {
            this.description = description;
        }
    }

    /** 0-based index in the selector text where this expression starts. */
    final int position;
    /** Height of the tree below and including this node. */
    final int depth;

    Expr(int position, Expr... children) {
        this.position = position;
        int max = 0;
        for (Expr child : children) {
            max = Math.max(max, child.depth);
        }
        this.depth = max + 1;
    }

    abstract Type type();

    /**
     * Whether the value is fixed by the selector text alone (literals and arithmetic on them), so
     * its type is known when parsing; anything involving an identifier is not.
     */
    boolean constant() {
        return false;
    }

    /** Evaluates this expression and leaves its value in the register of {@code e}. */
    abstract void evaluate(Evaluation e);

    /** Evaluates this expression as a condition: Boolean values are TRUE or FALSE, anything else UNKNOWN. */
    Truth test(Evaluation e) {
        evaluate(e);
        return e.truth();
    }

    /** An expression whose value is a truth value: comparisons, logical operators, boolean literals. */
    abstract static class Condition extends Expr {

        Condition(int position, Expr... children) {
            super(position, children);
        }

        @Override
        final Type type() {
            return Type.CONDITION;
        }

        @Override
        abstract Truth test(Evaluation e);

        @Override
        final void evaluate(Evaluation e) {
            e.setTruth(test(e));
        }
    }
}
