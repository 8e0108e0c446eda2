package dev.ferrymq.fuzz;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generators of bad (and good) input for the fuzz targets: selector texts built from the
 * selector grammar's tokens or mutated from valid selectors, identifiers, values of every
 * property type, whole messages and byte mutations.
 *
 * <p>Threading contract: stateless; each call uses only the {@link Random} it is given.
 */
final class Inputs {

    private static final String[] TOKENS = {
            "a", "b", "x1", "_y", "$z", "JMSPriority", "JMSType", "JMSDeliveryMode", "JMSMessageID", "JMSTimestamp",
            "JMSCorrelationID", "JMSXGroupID", "color", "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE",
            "IN", "IS", "ESCAPE", "not", "and", "or", "is", "null", "true", "=", "<>", "<", ">", "<=", ">=", "+", "-",
            "*", "/", "(", ")", ",", "'", "''", "'red'", "'%'", "'_'", "'a%b_c'", "'\\'", "0", "1", "-1", "42",
            "2147483648", "9223372036854775807", "9223372036854775808", "0x1F", "0X", "017", "08", "1.5", ".5", "5.",
            "1e3", "1E-3", "1e", "1.7976931348623157E309", "1d", "2f", "7L", "0.0", " ", "  ", "\t", "\n", "é", "ß",
            "\u0000", "\uD835\uDC65", "\uD835", "??", "#", "!", "%", "\"", "'unterminated", "a.b", "1..2"};

    private static final String[] VALID = {
            "color = 'red'", "JMSPriority > 4 AND JMSType = 'order'", "a BETWEEN 1 AND 10", "b NOT IN ('x', 'y')",
            "name LIKE 'a\\_%' ESCAPE '\\'", "x IS NULL OR y IS NOT NULL", "(a + b) * 2 >= c / 3", "NOT flag",
            "JMSDeliveryMode = 'PERSISTENT'", "price - 1.5e2 < -x", "s LIKE '%%%%%%%%%%%%%%%%%%%%%b'",
            "a = 1 AND (b = 2 OR (c = 3 AND (d = 4 OR e = 5)))"};

    private static final String SYNTAX = "()'=<>+-*/,.%_\\ eE0123456789";

    private static final String[] NAMES = {"a", "b", "c", "x", "y", "color", "flag", "price", "name", "s", "x1"};

    private Inputs() {
    }

    /** A selector text: grammar tokens at random, a mutated valid selector, or random characters. */
    static String selector(Random r) {
        return switch (r.nextInt(4)) {
            case 0, 1 -> tokens(r, 1 + r.nextInt(12));
            case 2 -> mutate(r, VALID[r.nextInt(VALID.length)]);
            default -> randomText(r, r.nextInt(30));
        };
    }

    static String tokens(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(TOKENS[r.nextInt(TOKENS.length)]);
            if (r.nextInt(3) > 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    /** {@code s} with a few characters inserted, deleted or replaced, or a deep nesting of it. */
    static String mutate(Random r, String s) {
        if (r.nextInt(50) == 0) {
            int depth = 1 + r.nextInt(2000);
            return "(".repeat(depth) + s + ")".repeat(r.nextBoolean() ? depth : depth / 2);
        }
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.insert(at, randomChar(r));
                case 1 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (b.length() > 0) {
                        b.setCharAt(at, randomChar(r));
                    }
                }
            }
        }
        return b.toString();
    }

    static String randomText(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(randomChar(r));
        }
        return b.toString();
    }

    static char randomChar(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> (char) (32 + r.nextInt(95));
            case 1 -> SYNTAX.charAt(r.nextInt(SYNTAX.length()));
            case 2 -> (char) r.nextInt(0x3000);
            default -> (char) r.nextInt(0x10000);
        };
    }

    /** A property or field name: usually a known one, sometimes any text. */
    static String name(Random r) {
        return r.nextInt(5) > 0 ? NAMES[r.nextInt(NAMES.length)] : randomText(r, r.nextInt(6));
    }

    /** A value of one of the property types (or null), including edge values and numeric-looking strings. */
    static Object propertyValue(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> (byte) r.nextInt();
            case 3 -> (short) r.nextInt();
            case 4 -> r.nextInt(3) == 0 ? Integer.MIN_VALUE : r.nextInt(200) - 100;
            case 5 -> r.nextInt(3) == 0 ? Long.MAX_VALUE : r.nextLong();
            case 6 -> new float[]{Float.NaN, Float.POSITIVE_INFINITY, -0.0f, 1.5f, r.nextFloat()}[r.nextInt(5)];
            case 7 -> new double[]{Double.NaN, Double.NEGATIVE_INFINITY, 0.0, -2.5e300, r.nextDouble()}[r.nextInt(5)];
            case 8 -> new String[]{"", "true", "FALSE", "12", "-7", "1e3", "NaN", "0x10", " 5", "red"}[r.nextInt(10)];
            default -> randomText(r, r.nextInt(8));
        };
    }

    /** A body value of a map or stream: a property value, a char or bytes. */
    static Object bodyValue(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> (char) r.nextInt(0x10000);
            case 1 -> randomBytes(r, r.nextInt(10));
            default -> propertyValue(r);
        };
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** A whole message of a random body type (no OBJECT body: deserialization is not fuzzed here). */
    static MessageData message(Random r) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            props.put(NAMES[r.nextInt(NAMES.length)], propertyValue(r));
        }
        BodyType type = BodyType.values()[r.nextInt(BodyType.values().length - 1)];
        Object body = switch (type) {
            case NONE, OBJECT -> null;
            case TEXT -> r.nextBoolean() ? null : randomText(r, r.nextInt(20));
            case BYTES -> randomBytes(r, r.nextInt(40));
            case MAP -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    m.put(NAMES[r.nextInt(NAMES.length)], bodyValue(r));
                }
                yield java.util.Collections.unmodifiableMap(m);
            }
            case STREAM -> {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(8); i > 0; i--) {
                    l.add(bodyValue(r));
                }
                yield java.util.Collections.unmodifiableList(l);
            }
        };
        return MessageData.builder().messageId("ID:" + r.nextInt(1000)).timestamp(r.nextLong())
                .persistent(r.nextBoolean()).priority(r.nextInt(12) - 1).destination(DestinationRef.queue("q"))
                .type(r.nextBoolean() ? null : "t").properties(props).body(type, body).build();
    }

    /** {@code bytes} with a few bytes flipped, dropped, inserted or the end cut off. */
    static byte[] mutateBytes(Random r, byte[] bytes) {
        byte[] b = bytes.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                for (int i = 1 + r.nextInt(4); i > 0 && b.length > 0; i--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 2 -> {
                if (b.length > 4) {
                    int at = r.nextInt(b.length - 4);
                    int v = new int[]{-1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff0000}[r.nextInt(5)];
                    b[at] = (byte) (v >>> 24);
                    b[at + 1] = (byte) (v >>> 16);
                    b[at + 2] = (byte) (v >>> 8);
                    b[at + 3] = (byte) v;
                }
            }
            default -> {
                if (b.length > 0) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt();
                }
            }
        }
        return b;
    }
}
