package dev.ferrymq.fuzz;

import dev.ferrymq.client.message.Messages;
import dev.ferrymq.engine.persistence.MessageCodec;
import dev.ferrymq.engine.persistence.RecordReader;
import dev.ferrymq.engine.persistence.RecordWriter;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.selector.SelectorSyntaxException;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The fuzz targets and what each may answer: anything else (another exception type, an error, a
 * hang) is a failure.
 * <ul>
 *   <li>{@link #SELECTOR}: {@link Selector#parse} of a generated text returns a selector or throws
 *       {@link SelectorSyntaxException}; a selector that parses is evaluated on generated values
 *       and never throws (its documented contract).</li>
 *   <li>{@link #CODEC}: {@link MessageCodec#read} of random bytes or of a valid encoding mutated
 *       returns a message or throws {@link IllegalArgumentException} (its documented exception).</li>
 *   <li>{@link #BODY_READERS}: the facade's StreamMessage, MapMessage and BytesMessage readers and
 *       the property getters, called at random on a received message with generated (or codec
 *       decoded) content, return or throw what the specification names: MessageFormatException,
 *       MessageEOFException (end of a stream or bytes body), NumberFormatException (a String or
 *       null read as a number) and NullPointerException only for a null read as a char, float or
 *       double (what {@code Float.valueOf((String) null)} and {@code Double.valueOf} throw).</li>
 *   <li>{@link #PROPERTY_NAMES}: setting a property of a generated name succeeds exactly when the
 *       name is a valid selector identifier (3.5.1 "Property names must obey the rules for a
 *       message selector identifier"), else throws IllegalArgumentException.</li>
 * </ul>
 *
 * <p>Threading contract: stateless constants.
 */
public final class Targets {

    public static final FuzzRun.Target SELECTOR = (r, input) -> {
        String text = Inputs.selector(r);
        input.append("selector ").append(quote(text));
        Selector s;
        try {
            s = Selector.parse(text);
        } catch (SelectorSyntaxException e) {
            return "SelectorSyntaxException";
        }
        if (s == null) {
            return "blank";
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = r.nextInt(6); i > 0; i--) {
            values.put(Inputs.name(r), Inputs.propertyValue(r));
        }
        input.append(" on ").append(values);
        return s.matches(values::get) ? "parsed, matched" : "parsed, not matched";
    };

    public static final FuzzRun.Target CODEC = (r, input) -> {
        byte[] bytes = r.nextInt(4) == 0 ? Inputs.randomBytes(r, r.nextInt(64))
                : Inputs.mutateBytes(r, encode(Inputs.message(r)));
        input.append("record ").append(java.util.HexFormat.of().formatHex(bytes));
        try {
            MessageCodec.read(new RecordReader(bytes));
            return "decoded";
        } catch (IllegalArgumentException e) {
            return "IllegalArgumentException";
        }
    };

    public static final FuzzRun.Target BODY_READERS = (r, input) -> {
        MessageData data = Inputs.message(r);
        if (r.nextInt(4) == 0) {
            try {
                data = MessageCodec.read(new RecordReader(Inputs.mutateBytes(r, encode(data))));
            } catch (IllegalArgumentException e) {
                return "undecodable";
            }
        }
        input.append(data.bodyType()).append(" body ").append(describe(data.body())).append(" properties ")
                .append(data.properties());
        Message m = Messages.received(data, 1, () -> { });
        String last = "none";
        for (int i = 1 + r.nextInt(6); i > 0; i--) {
            String op = op(r, m);
            input.append(" ").append(op);
            last = read(r, m, op);
        }
        return last;
    };

    public static final FuzzRun.Target PROPERTY_NAMES = (r, input) -> {
        String name = r.nextBoolean() ? Inputs.tokens(r, 1).trim() : Inputs.randomText(r, 1 + r.nextInt(4));
        input.append("property name ").append(quote(name));
        boolean identifier = isSelectorIdentifier(name);
        if (identifier) {
            try {
                Selector.parse(name + " IS NULL");
            } catch (SelectorSyntaxException e) {
                throw new AssertionError("the selector parser refuses identifier " + quote(name) + ": " + e.getMessage());
            }
        }
        Message m = Messages.newMessage();
        try {
            m.setStringProperty(name, "v");
            if (!identifier) {
                throw new AssertionError("accepted a name that is not a selector identifier");
            }
            return "accepted";
        } catch (IllegalArgumentException e) {
            if (identifier) {
                throw new AssertionError("refused a valid identifier: " + e.getMessage());
            }
            return "IllegalArgumentException";
        }
    };

    private static final java.util.Set<String> RESERVED = java.util.Set.of("NULL", "TRUE", "FALSE", "NOT", "AND",
            "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    /**
     * 3.8.1.1, restated here as the oracle: a Java identifier start character followed by Java
     * identifier part characters (code points), and none of the reserved words, in any case.
     */
    static boolean isSelectorIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        if (!name.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart)) {
            return false;
        }
        return !RESERVED.contains(name.toUpperCase(java.util.Locale.ROOT));
    }

    private Targets() {
    }

    private static byte[] encode(MessageData m) {
        RecordWriter w = new RecordWriter(128);
        MessageCodec.write(w, m);
        return w.toByteArray();
    }

    private static String op(Random r, Message m) {
        String[] common = {"getObjectProperty", "getIntProperty", "getLongProperty", "getDoubleProperty",
                "getBooleanProperty", "getStringProperty", "getByteProperty", "getFloatProperty", "getShortProperty"};
        String[] body = m instanceof StreamMessage
                ? new String[]{"readBoolean", "readByte", "readShort", "readChar", "readInt", "readLong", "readFloat",
                "readDouble", "readString", "readBytes", "readObject", "reset"}
                : m instanceof BytesMessage
                ? new String[]{"readBoolean", "readByte", "readUnsignedByte", "readShort", "readUnsignedShort",
                "readChar", "readInt", "readLong", "readFloat", "readDouble", "readUTF", "readBytes", "reset",
                "getBodyLength"}
                : m instanceof MapMessage
                ? new String[]{"getBoolean", "getByte", "getShort", "getChar", "getInt", "getLong", "getFloat",
                "getDouble", "getString", "getBytes", "getObject", "getMapNames"}
                : new String[]{"getBodyString"};
        return r.nextInt(3) == 0 ? common[r.nextInt(common.length)] : body[r.nextInt(body.length)];
    }

    /** Runs {@code op}; returns the outcome, throws anything the specification does not name for it. */
    private static String read(Random r, Message m, String op) throws JMSException {
        try {
            BodyReads.run(r, m, op);
            return "read";
        } catch (MessageEOFException e) {
            return "MessageEOFException";
        } catch (MessageFormatException e) {
            return "MessageFormatException";
        } catch (NumberFormatException e) {
            return "NumberFormatException";
        } catch (NullPointerException e) {
            // 3.11.3: a null read as a primitive behaves as valueOf(null): Float and Double throw
            // NullPointerException, and char, which has no String conversion, must
            if (op.matches("(read|get)(Char|Float|Double)(Property)?")) {
                return "NullPointerException (null as " + op.replaceAll("read|get|Property", "") + ")";
            }
            throw e;
        }
    }

    private static String describe(Object body) {
        if (body instanceof byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
        if (body instanceof java.util.List<?> l) {
            return l.stream().map(Targets::describe).toList().toString();
        }
        return String.valueOf(body);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 32 || c > 126) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }
}
