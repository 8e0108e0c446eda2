package dev.ferrymq.selector;

/**
 * One lexical token of a selector.
 *
 * @param kind     what the token is
 * @param text     the string literal's value (unquoted), the identifier, or the source text of a
 *                 numeric literal, operator or keyword
 * @param position 0-based index of the token's first character in the selector text
 * @param digits   for {@link Kind#EXACT} literals the digits without prefix, underscores and suffix
 * @param radix    for {@link Kind#EXACT} literals the radix (2, 8, 10 or 16); otherwise 0
 * @param number   for {@link Kind#APPROXIMATE} literals the value; otherwise 0
 */
record Token(Kind kind, String text, int position, String digits, int radix, double number) {

    enum Kind {
        STRING, EXACT, APPROXIMATE, IDENTIFIER,
        NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE, NULL, TRUE, FALSE,
        LPAREN, RPAREN, COMMA,
        EQ, NE, LT, LE, GT, GE,
        PLUS, MINUS, STAR, SLASH,
        END
    }

    static Token of(Kind kind, String text, int position) {
        return new Token(kind, text, position, null, 0, 0);
    }

    /** How the token appears in error messages. */
    String describe() {
        return switch (kind) {
            case END -> "end of selector";
            case STRING -> "string literal '" + text.replace("'", "''") + "'";
            case EXACT, APPROXIMATE -> "numeric literal " + text;
            case IDENTIFIER -> "identifier '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
