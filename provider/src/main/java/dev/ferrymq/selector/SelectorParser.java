package dev.ferrymq.selector;

import dev.ferrymq.selector.Expr.Type;
import dev.ferrymq.selector.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for "Message selector syntax". Grammar, lowest precedence first
 * (operators of one level associate left to right):
 * <pre>
 * selector       = or END
 * or             = and { OR and }
 * and            = not { AND not }
 * not            = NOT not | predicate
 * predicate      = sum [ ( = | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;= ) sum
 *                      | [NOT] BETWEEN sum AND sum
 *                      | [NOT] IN ( string { , string } )
 *                      | [NOT] LIKE string [ ESCAPE string ]
 *                      | IS [NOT] NULL ]
 * sum            = product { ( + | - ) product }
 * product        = unary { ( * | / ) unary }
 * unary          = ( + | - ) unary | primary
 * primary        = string | exact | approximate | TRUE | FALSE | identifier | ( or )
 * </pre>
 * Comparisons do not chain: {@code a = b = c} is a syntax error, as in SQL.
 *
 * <p>What is rejected besides plain syntax errors (each with a {@link SelectorSyntaxException}):
 * <ul>
 * <li>a selector, or an operand of NOT/AND/OR, that is a string literal or arithmetic expression
 *     (an identifier is accepted: it may hold a boolean);</li>
 * <li>arithmetic or BETWEEN on a string literal or conditional expression;</li>
 * <li>{@code < <= > >=} with a string literal or conditional expression on either side
 *     ("String and Boolean comparison is restricted to = and &lt;&gt;");</li>
 * <li>{@code = <>} between two constants (literals, or arithmetic on literals) of different
 *     types, such as {@code TRUE = 0} or {@code 'a' = 1} ("Only like type values can be
 *     compared"): both types are known from the text; a comparison involving an identifier keeps
 *     the evaluation-time rule (false for unlike types);</li>
 * <li>IN, LIKE or IS NULL applied to anything but an identifier; IN lists of anything but string
 *     literals; an ESCAPE that is not exactly one character; a LIKE pattern ending in its escape;</li>
 * <li>{@code NULL} anywhere but in IS [NOT] NULL (it is not a literal of the selector syntax);</li>
 * <li>identifiers starting with {@code JMS} other than the six header fields selectors may
 *     reference (JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID,
 *     JMSType) and {@code JMSX...} / {@code JMS_...} property names: the specification restricts
 *     header field references to those six and names only JMSX, JMS_ and non-JMS names as
 *     properties, so e.g. {@code JMSDestination} or {@code JMSRedelivered} is not an identifier;</li>
 * <li>exact literals outside the range of {@code long} and approximate literals outside the range
 *     of {@code double} (a minus sign directly before a literal is folded into it, so
 *     {@code -9223372036854775808} is accepted);</li>
 * <li>nesting deeper than {@value #MAX_DEPTH} levels, which would risk a stack overflow.</li>
 * </ul>
 * Everything else that the types of property values decide is settled at evaluation time.
 *
 * <p>Not thread-safe: one instance per parse; use {@link #parse(String)}.
 */
final class SelectorParser {

    static final int MAX_DEPTH = 200;

    private static final Set<String> HEADER_FIELDS = Set.of(
            "JMSDeliveryMode", "JMSPriority", "JMSMessageID", "JMSTimestamp", "JMSCorrelationID", "JMSType");

    private final String text;
    private final Lexer lexer;
    private Token current;
    private int nesting;

    private SelectorParser(String text) throws SelectorSyntaxException {
        this.text = text;
        this.lexer = new Lexer(text);
        this.current = lexer.next();
    }

    static Selector parse(String text) throws SelectorSyntaxException {
        SelectorParser parser = new SelectorParser(text);
        Expr root = parser.or();
        if (parser.current.kind() != Kind.END) {
            throw parser.unexpected("an operator or the end of the selector");
        }
        parser.requireCondition(root, "a selector");
        return new CompiledSelector(text, root);
    }

    private Expr or() throws SelectorSyntaxException {
        Expr first = and();
        if (current.kind() != Kind.OR) {
            return first;
        }
        List<Expr> operands = new ArrayList<>();
        operands.add(requireCondition(first, "an operand of OR"));
        while (accept(Kind.OR)) {
            operands.add(requireCondition(and(), "an operand of OR"));
        }
        return checked(new Logical(false, operands));
    }

    private Expr and() throws SelectorSyntaxException {
        Expr first = not();
        if (current.kind() != Kind.AND) {
            return first;
        }
        List<Expr> operands = new ArrayList<>();
        operands.add(requireCondition(first, "an operand of AND"));
        while (accept(Kind.AND)) {
            operands.add(requireCondition(not(), "an operand of AND"));
        }
        return checked(new Logical(true, operands));
    }

    private Expr not() throws SelectorSyntaxException {
        Token token = current;
        if (!accept(Kind.NOT)) {
            return predicate();
        }
        enter(token);
        Expr operand = requireCondition(not(), "the operand of NOT");
        nesting--;
        return checked(new Not(token.position(), operand));
    }

    private Expr predicate() throws SelectorSyntaxException {
        Expr left = sum();
        Token token = current;
        Comparison.Operator comparison = comparisonOperator(token.kind());
        if (comparison != null) {
            advance();
            Expr right = sum();
            if (comparison.isOrdering()) {
                String what = "an operand of '" + comparison.symbol + "' (only = and <> compare strings and booleans)";
                requireNumeric(left, what);
                requireNumeric(right, what);
            } else if (left.constant() && right.constant() && left.type() != right.type()) {
                throw error(token.position(), "'" + comparison.symbol + "' compares " + left.type().description
                        + " with " + right.type().description + ": only like types can be compared, and the types of "
                        + "two literals are known when the selector is given");
            }
            return checked(new Comparison(comparison, left, right));
        }
        boolean negated = accept(Kind.NOT);
        Token operator = current;
        switch (operator.kind()) {
            case BETWEEN -> {
                advance();
                requireNumeric(left, "the operand of BETWEEN");
                Expr low = requireNumeric(sum(), "a bound of BETWEEN");
                expect(Kind.AND, "AND between the bounds of BETWEEN");
                Expr high = requireNumeric(sum(), "a bound of BETWEEN");
                return checked(new Between(negated, left, low, high));
            }
            case IN -> {
                advance();
                return new InList(negated, requireIdentifier(left, "IN"), stringList());
            }
            case LIKE -> {
                advance();
                return new Like(negated, requireIdentifier(left, "LIKE"), likePattern());
            }
            case IS -> {
                if (negated) {
                    throw unexpected("BETWEEN, IN or LIKE after NOT");
                }
                advance();
                boolean isNot = accept(Kind.NOT);
                expect(Kind.NULL, "NULL after IS" + (isNot ? " NOT" : ""));
                return new IsNull(isNot, requireIdentifier(left, "IS NULL"));
            }
            default -> {
                if (negated) {
                    throw unexpected("BETWEEN, IN or LIKE after NOT");
                }
                return left;
            }
        }
    }

    private static Comparison.Operator comparisonOperator(Kind kind) {
        return switch (kind) {
            case EQ -> Comparison.Operator.EQ;
            case NE -> Comparison.Operator.NE;
            case LT -> Comparison.Operator.LT;
            case LE -> Comparison.Operator.LE;
            case GT -> Comparison.Operator.GT;
            case GE -> Comparison.Operator.GE;
            default -> null;
        };
    }

    private List<String> stringList() throws SelectorSyntaxException {
        expect(Kind.LPAREN, "'(' to start the IN list");
        List<String> strings = new ArrayList<>();
        do {
            Token token = expect(Kind.STRING, "a string literal in the IN list");
            strings.add(token.text());
        } while (accept(Kind.COMMA));
        expect(Kind.RPAREN, "',' or ')' in the IN list");
        return strings;
    }

    private LikePattern likePattern() throws SelectorSyntaxException {
        Token pattern = expect(Kind.STRING, "a string literal as LIKE pattern");
        int escape = -1;
        if (accept(Kind.ESCAPE)) {
            Token escapeToken = expect(Kind.STRING, "a string literal after ESCAPE");
            String value = escapeToken.text();
            if (value.isEmpty() || value.codePointCount(0, value.length()) != 1) {
                throw error(escapeToken.position(), "ESCAPE must be a single character, found "
                        + escapeToken.describe());
            }
            escape = value.codePointAt(0);
        }
        try {
            return LikePattern.compile(pattern.text(), escape);
        } catch (IllegalArgumentException e) {
            throw error(pattern.position(), e.getMessage());
        }
    }

    private Expr sum() throws SelectorSyntaxException {
        Expr left = product();
        while (current.kind() == Kind.PLUS || current.kind() == Kind.MINUS) {
            Token operator = current;
            advance();
            Expr right = product();
            left = arithmetic(operator, left, right);
        }
        return left;
    }

    private Expr product() throws SelectorSyntaxException {
        Expr left = unary();
        while (current.kind() == Kind.STAR || current.kind() == Kind.SLASH) {
            Token operator = current;
            advance();
            Expr right = unary();
            left = arithmetic(operator, left, right);
        }
        return left;
    }

    private Expr arithmetic(Token operator, Expr left, Expr right) throws SelectorSyntaxException {
        Arithmetic.Operator op = switch (operator.kind()) {
            case PLUS -> Arithmetic.Operator.ADD;
            case MINUS -> Arithmetic.Operator.SUBTRACT;
            case STAR -> Arithmetic.Operator.MULTIPLY;
            default -> Arithmetic.Operator.DIVIDE;
        };
        String what = "an operand of '" + op.symbol + "'";
        return checked(new Arithmetic(op, requireNumeric(left, what), requireNumeric(right, what)));
    }

    private Expr unary() throws SelectorSyntaxException {
        Token sign = current;
        if (sign.kind() != Kind.PLUS && sign.kind() != Kind.MINUS) {
            return primary();
        }
        advance();
        boolean negate = sign.kind() == Kind.MINUS;
        if (current.kind() == Kind.EXACT) {
            return exact(advance(), negate, sign.position());
        }
        if (current.kind() == Kind.APPROXIMATE) {
            Token literal = advance();
            return Literal.approximate(sign.position(), negate ? -literal.number() : literal.number());
        }
        enter(sign);
        Expr operand = requireNumeric(unary(), "the operand of unary '" + sign.text() + "'");
        nesting--;
        return checked(new Sign(sign.position(), negate, operand));
    }

    private Expr primary() throws SelectorSyntaxException {
        Token token = current;
        switch (token.kind()) {
            case STRING -> {
                advance();
                return Literal.string(token.position(), token.text());
            }
            case EXACT -> {
                advance();
                return exact(token, false, token.position());
            }
            case APPROXIMATE -> {
                advance();
                return Literal.approximate(token.position(), token.number());
            }
            case TRUE, FALSE -> {
                advance();
                return Literal.bool(token.position(), token.kind() == Kind.TRUE);
            }
            case IDENTIFIER -> {
                advance();
                return identifier(token);
            }
            case LPAREN -> {
                advance();
                enter(token);
                Expr inner = or();
                nesting--;
                expect(Kind.RPAREN, "')' to close the '(' at position " + (token.position() + 1));
                return inner;
            }
            case NULL -> throw error(token.position(), "NULL is only allowed in IS NULL and IS NOT NULL");
            case NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE -> throw error(token.position(),
                    "expected an identifier, a literal or '(' but found reserved word '" + token.text() + "'");
            default -> throw unexpected("an identifier, a literal or '('");
        }
    }

    private Identifier identifier(Token token) throws SelectorSyntaxException {
        String name = token.text();
        if (name.startsWith("JMS") && !name.startsWith("JMSX") && !name.startsWith("JMS_")
                && !HEADER_FIELDS.contains(name)) {
            throw error(token.position(), "'" + name + "' cannot be used in a selector: header field references are "
                    + "restricted to JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID "
                    + "and JMSType, and other names starting with JMS must start with JMSX or JMS_");
        }
        return new Identifier(token.position(), name);
    }

    private Literal exact(Token token, boolean negate, int position) throws SelectorSyntaxException {
        String digits = token.digits();
        try {
            long value;
            if (token.radix() == 10) {
                value = Long.parseLong(negate ? "-" + digits : digits);
            } else {
                value = Long.parseUnsignedLong(digits.isEmpty() ? "0" : digits, token.radix());
                value = negate ? -value : value;
            }
            return Literal.exact(position, value);
        } catch (NumberFormatException e) {
            throw error(token.position(), "numeric literal " + token.text() + " is out of the range of long");
        }
    }

    private Expr requireCondition(Expr expr, String what) throws SelectorSyntaxException {
        if (expr.type() != Type.CONDITION && expr.type() != Type.DYNAMIC) {
            throw error(expr.position, what + " must be a conditional expression, not " + expr.type().description);
        }
        return expr;
    }

    private Expr requireNumeric(Expr expr, String what) throws SelectorSyntaxException {
        if (expr.type() != Type.NUMERIC && expr.type() != Type.DYNAMIC) {
            throw error(expr.position, what + " must be an arithmetic expression, not " + expr.type().description);
        }
        return expr;
    }

    private Identifier requireIdentifier(Expr expr, String operator) throws SelectorSyntaxException {
        if (expr instanceof Identifier identifier) {
            return identifier;
        }
        throw error(expr.position, operator + " must be applied to an identifier, not " + expr.type().description);
    }

    private Expr checked(Expr expr) throws SelectorSyntaxException {
        if (expr.depth > MAX_DEPTH) {
            throw error(expr.position, "selector nests deeper than " + MAX_DEPTH + " levels");
        }
        return expr;
    }

    private void enter(Token token) throws SelectorSyntaxException {
        if (++nesting > MAX_DEPTH) {
            throw error(token.position(), "selector nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Token advance() throws SelectorSyntaxException {
        Token previous = current;
        current = lexer.next();
        return previous;
    }

    private boolean accept(Kind kind) throws SelectorSyntaxException {
        if (current.kind() != kind) {
            return false;
        }
        advance();
        return true;
    }

    private Token expect(Kind kind, String expected) throws SelectorSyntaxException {
        if (current.kind() != kind) {
            throw unexpected(expected);
        }
        return advance();
    }

    private SelectorSyntaxException unexpected(String expected) {
        return error(current.position(), "expected " + expected + " but found " + current.describe());
    }

    private SelectorSyntaxException error(int position, String what) {
        return Lexer.error(text, position, what);
    }
}
