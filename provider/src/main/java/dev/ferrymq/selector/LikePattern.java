package dev.ferrymq.selector;

/**
 * A LIKE pattern compiled once at parse time: {@code _} matches any single character (one Unicode
 * code point, so a surrogate pair counts as one), {@code %} any sequence including the empty one,
 * and every other character itself — characters that are special in regular expressions have no
 * special meaning. The escape character makes the character after it literal; a pattern ending
 * in the escape character is rejected.
 *
 * <p>Patterns of the common shapes {@code abc}, {@code abc%}, {@code %abc} and {@code %abc%} match
 * with {@link String#equals}, {@code startsWith}, {@code endsWith} and {@code contains}; others
 * use a backtracking-free wildcard matcher (worst case proportional to value length times pattern
 * length). Matching never allocates.
 *
 * <p>Immutable; safe to share between threads.
 */
final class LikePattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;

    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, GENERAL }

    /** UTF-16 chars (as non-negative ints) or {@link #ANY_ONE} / {@link #ANY_SEQUENCE}. */
    private final int[] elements;
    private final Shape shape;
    /** The literal part for the simple shapes. */
    private final String literal;

    private LikePattern(int[] elements, Shape shape, String literal) {
        this.elements = elements;
        this.shape = shape;
        this.literal = literal;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @param escape the escape character's code point, or -1 for none
     * @throws IllegalArgumentException when the pattern ends with the escape character
     */
    static LikePattern compile(String pattern, int escape) {
        int[] elements = new int[pattern.length()];
        int count = 0;
        int oneCount = 0;
        int sequenceCount = 0;
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == escape) {
                if (i >= pattern.length()) {
                    throw new IllegalArgumentException("LIKE pattern ends with its escape character");
                }
                cp = pattern.codePointAt(i);
                i += Character.charCount(cp);
            } else if (cp == '_') {
                elements[count++] = ANY_ONE;
                oneCount++;
                continue;
            } else if (cp == '%') {
                if (count == 0 || elements[count - 1] != ANY_SEQUENCE) {
                    elements[count++] = ANY_SEQUENCE;
                    sequenceCount++;
                }
                continue;
            }
            for (char c : Character.toChars(cp)) {
                elements[count++] = c;
            }
        }
        int[] compact = java.util.Arrays.copyOf(elements, count);
        return new LikePattern(compact, shape(compact, oneCount, sequenceCount), literal(compact));
    }

    private static Shape shape(int[] elements, int oneCount, int sequenceCount) {
        int last = elements.length - 1;
        if (oneCount > 0 || sequenceCount > 2) {
            return Shape.GENERAL;
        }
        if (sequenceCount == 0) {
            return Shape.EXACT;
        }
        boolean starts = elements[0] == ANY_SEQUENCE;
        boolean ends = elements[last] == ANY_SEQUENCE;
        if (sequenceCount == 1) {
            return ends ? Shape.PREFIX : starts ? Shape.SUFFIX : Shape.GENERAL;
        }
        return starts && ends ? Shape.CONTAINS : Shape.GENERAL;
    }

    private static String literal(int[] elements) {
        StringBuilder literal = new StringBuilder(elements.length);
        for (int element : elements) {
            if (element >= 0) {
                literal.append((char) element);
            }
        }
        return literal.toString();
    }

    boolean matches(String value) {
        return switch (shape) {
            case EXACT -> value.equals(literal);
            case PREFIX -> value.startsWith(literal);
            case SUFFIX -> value.endsWith(literal);
            case CONTAINS -> value.contains(literal);
            case GENERAL -> matchesWildcards(value);
        };
    }

    /**
     * Classic wildcard matching: on a mismatch, retry from the most recent {@code %} with it
     * consuming one more character. Only the most recent {@code %} ever needs revisiting because
     * the pattern pieces between {@code %}s match fixed numbers of code points.
     */
    private boolean matchesWildcards(String value) {
        int[] pattern = elements;
        int length = value.length();
        int v = 0;
        int p = 0;
        int star = -1;
        int starValue = 0;
        while (v < length) {
            if (p < pattern.length && pattern[p] == ANY_SEQUENCE) {
                star = p++;
                starValue = v;
            } else if (p < pattern.length && pattern[p] == ANY_ONE) {
                v += Character.charCount(value.codePointAt(v));
                p++;
            } else if (p < pattern.length && pattern[p] == value.charAt(v)) {
                v++;
                p++;
            } else if (star >= 0) {
                p = star + 1;
                starValue += Character.charCount(value.codePointAt(starValue));
                v = starValue;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == pattern.length;
    }
}
