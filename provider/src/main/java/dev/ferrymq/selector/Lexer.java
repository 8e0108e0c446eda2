package dev.ferrymq.selector;

import dev.ferrymq.selector.Token.Kind;

/**
 * Splits selector text into {@link Token}s ("Message selector syntax": literals, identifiers,
 * keywords, operators). Whitespace is Java's: space, horizontal tab, form feed, CR and LF.
 * Keywords are recognised case-insensitively, but only when spelled with ASCII letters, so an
 * identifier such as {@code ıs} (dotless i) stays an identifier.
 *
 * <p>Numeric literals follow the Java literal syntax: exact literals are decimal, hexadecimal
 * ({@code 0x}), octal (leading {@code 0}) or binary ({@code 0b}) with optional underscores between
 * digits and an optional {@code L} suffix; approximate literals are decimal or hexadecimal
 * floating-point literals with optional {@code F}/{@code D} suffix. Signs are not part of a
 * literal: the parser folds a unary minus into the literal that follows it.
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class Lexer {

    private final String text;
    private int index;

    Lexer(String text) {
        this.text = text;
    }

    /** Builds the exception every selector syntax error is reported with. */
    static SelectorSyntaxException error(String text, int index, String what) {
        return new SelectorSyntaxException(
                what + " at position " + (index + 1) + " in selector '" + text + "'", index + 1);
    }

    /** The next token; a {@link Kind#END} token once the text is used up. */
    Token next() throws SelectorSyntaxException {
        skipWhitespace();
        int start = index;
        if (index >= text.length()) {
            return Token.of(Kind.END, "", start);
        }
        char c = text.charAt(index);
        switch (c) {
            case '\'':
                return string();
            case '(':
                return single(Kind.LPAREN, "(");
            case ')':
                return single(Kind.RPAREN, ")");
            case ',':
                return single(Kind.COMMA, ",");
            case '=':
                return single(Kind.EQ, "=");
            case '+':
                return single(Kind.PLUS, "+");
            case '-':
                return single(Kind.MINUS, "-");
            case '*':
                return single(Kind.STAR, "*");
            case '/':
                return single(Kind.SLASH, "/");
            case '<':
                if (at(1, '>')) {
                    index += 2;
                    return Token.of(Kind.NE, "<>", start);
                }
                if (at(1, '=')) {
                    index += 2;
                    return Token.of(Kind.LE, "<=", start);
                }
                return single(Kind.LT, "<");
            case '>':
                if (at(1, '=')) {
                    index += 2;
                    return Token.of(Kind.GE, ">=", start);
                }
                return single(Kind.GT, ">");
            default:
                break;
        }
        if (isDecimalDigit(c) || (c == '.' && index + 1 < text.length() && isDecimalDigit(text.charAt(index + 1)))) {
            return number();
        }
        int cp = text.codePointAt(index);
        if (Character.isJavaIdentifierStart(cp)) {
            return identifierOrKeyword();
        }
        throw error(text, start, "unexpected character " + describe(cp));
    }

    private void skipWhitespace() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c != ' ' && c != '\t' && c != '\f' && c != '\n' && c != '\r') {
                return;
            }
            index++;
        }
    }

    private Token single(Kind kind, String symbol) {
        return Token.of(kind, symbol, index++);
    }

    private boolean at(int offset, char c) {
        return index + offset < text.length() && text.charAt(index + offset) == c;
    }

    private boolean atAnyOf(String chars) {
        return index < text.length() && chars.indexOf(text.charAt(index)) >= 0;
    }

    private Token string() throws SelectorSyntaxException {
        int start = index++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (index >= text.length()) {
                throw error(text, start, "unterminated string literal");
            }
            char c = text.charAt(index++);
            if (c == '\'') {
                if (!at(0, '\'')) {
                    return Token.of(Kind.STRING, value.toString(), start);
                }
                index++;
            }
            value.append(c);
        }
    }

    private Token identifierOrKeyword() {
        int start = index;
        index += Character.charCount(text.codePointAt(index));
        while (index < text.length() && Character.isJavaIdentifierPart(text.codePointAt(index))) {
            index += Character.charCount(text.codePointAt(index));
        }
        String word = text.substring(start, index);
        Kind keyword = keyword(word);
        return Token.of(keyword == null ? Kind.IDENTIFIER : keyword, word, start);
    }

    private static Kind keyword(String word) {
        if (word.length() > 7) {
            return null;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return null;
            }
        }
        return switch (word.toUpperCase(java.util.Locale.ROOT)) {
            case "NOT" -> Kind.NOT;
            case "AND" -> Kind.AND;
            case "OR" -> Kind.OR;
            case "BETWEEN" -> Kind.BETWEEN;
            case "LIKE" -> Kind.LIKE;
            case "IN" -> Kind.IN;
            case "IS" -> Kind.IS;
            case "ESCAPE" -> Kind.ESCAPE;
            case "NULL" -> Kind.NULL;
            case "TRUE" -> Kind.TRUE;
            case "FALSE" -> Kind.FALSE;
            default -> null;
        };
    }

    private Token number() throws SelectorSyntaxException {
        int start = index;
        if (at(0, '0') && (at(1, 'x') || at(1, 'X'))) {
            index += 2;
            return hexadecimal(start);
        }
        if (at(0, '0') && (at(1, 'b') || at(1, 'B'))) {
            index += 2;
            String digits = digitRun(start, 2);
            if (digits.isEmpty()) {
                throw malformed(start, "binary literal has no digits");
            }
            return exact(start, digits, 2);
        }
        String whole = at(0, '.') ? "" : digitRun(start, 10);
        String fraction = null;
        String exponent = null;
        if (at(0, '.')) {
            index++;
            fraction = digitRun(start, 10);
        }
        if (atAnyOf("eE")) {
            index++;
            exponent = exponent(start);
        }
        if (fraction == null && exponent == null && !atAnyOf("fFdD")) {
            if (whole.length() > 1 && whole.charAt(0) == '0') {
                for (int i = 1; i < whole.length(); i++) {
                    if (whole.charAt(i) > '7') {
                        throw malformed(start, "octal literal has digit '" + whole.charAt(i) + "'");
                    }
                }
                return exact(start, whole.substring(1), 8);
            }
            return exact(start, whole, 10);
        }
        String value = (whole.isEmpty() ? "0" : whole) + "." + (fraction == null ? "" : fraction)
                + (exponent == null ? "" : "e" + exponent);
        return approximate(start, value, hasNonZeroDigit(whole + fraction, false));
    }

    private Token hexadecimal(int start) throws SelectorSyntaxException {
        String whole = digitRun(start, 16);
        if (!at(0, '.') && !atAnyOf("pP")) {
            if (whole.isEmpty()) {
                throw malformed(start, "hexadecimal literal has no digits");
            }
            return exact(start, whole, 16);
        }
        String fraction = "";
        if (at(0, '.')) {
            index++;
            fraction = digitRun(start, 16);
        }
        if (whole.isEmpty() && fraction.isEmpty()) {
            throw malformed(start, "hexadecimal literal has no digits");
        }
        if (!atAnyOf("pP")) {
            throw malformed(start, "hexadecimal floating-point literal needs a 'p' exponent");
        }
        index++;
        String exponent = exponent(start);
        return approximate(start, "0x" + whole + "." + fraction + "p" + exponent,
                hasNonZeroDigit(whole + fraction, true));
    }

    private String exponent(int start) throws SelectorSyntaxException {
        String sign = "";
        if (atAnyOf("+-")) {
            sign = text.substring(index, ++index);
        }
        String digits = digitRun(start, 10);
        if (digits.isEmpty()) {
            throw malformed(start, "exponent has no digits");
        }
        return sign + digits;
    }

    /**
     * Reads digits (decimal digits when {@code radix} is 10, octal being checked later) and
     * underscores, which Java allows only between digits; returns the digits without underscores.
     */
    private String digitRun(int start, int radix) throws SelectorSyntaxException {
        int from = index;
        while (index < text.length() && (text.charAt(index) == '_' || Character.digit(text.charAt(index), radix) >= 0
                && text.charAt(index) < 128)) {
            index++;
        }
        if (index > from && (text.charAt(from) == '_' || text.charAt(index - 1) == '_')) {
            index = Math.max(index, from + 1);
            throw malformed(start, "underscores are only allowed between digits");
        }
        return text.substring(from, index).replace("_", "");
    }

    private Token exact(int start, String digits, int radix) throws SelectorSyntaxException {
        if (atAnyOf("lL")) {
            index++;
        }
        checkEnd(start);
        return new Token(Kind.EXACT, text.substring(start, index), start, digits, radix, 0);
    }

    private Token approximate(int start, String value, boolean nonZero) throws SelectorSyntaxException {
        boolean isFloat = atAnyOf("fF");
        if (isFloat || atAnyOf("dD")) {
            index++;
        }
        checkEnd(start);
        double number = isFloat ? Float.parseFloat(value) : Double.parseDouble(value);
        if (Double.isInfinite(number)) {
            throw malformed(start, "value is too large for a " + (isFloat ? "float" : "double"));
        }
        if (number == 0 && nonZero) {
            throw malformed(start, "value is too small for a " + (isFloat ? "float" : "double"));
        }
        return new Token(Kind.APPROXIMATE, text.substring(start, index), start, null, 0, number);
    }

    /** A literal must not run into identifier characters, as in {@code 12abc} or {@code 1.5L}. */
    private void checkEnd(int start) throws SelectorSyntaxException {
        if (index < text.length() && Character.isJavaIdentifierPart(text.codePointAt(index))) {
            while (index < text.length() && Character.isJavaIdentifierPart(text.codePointAt(index))) {
                index += Character.charCount(text.codePointAt(index));
            }
            throw malformed(start, "unexpected characters after the number");
        }
    }

    private static boolean hasNonZeroDigit(String digits, boolean hex) {
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), hex ? 16 : 10) > 0) {
                return true;
            }
        }
        return false;
    }

    private SelectorSyntaxException malformed(int start, String why) {
        int end = Math.min(Math.max(index, start + 1), text.length());
        return error(text, start, "invalid numeric literal '" + text.substring(start, end) + "' (" + why + ")");
    }

    private static boolean isDecimalDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String describe(int cp) {
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return String.format("U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }
}
