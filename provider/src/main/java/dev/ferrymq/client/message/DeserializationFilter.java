package dev.ferrymq.client.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Which classes an {@link jakarta.jms.ObjectMessage} body may be deserialized into: an allow list
 * and a deny list of class names and packages (the client options {@code deserializationAllowList}
 * and {@code deserializationDenyList}). An entry matches a class of that name and every class of
 * that package and its subpackages ({@code com.acme} and {@code com.acme.*} both match
 * {@code com.acme.model.Order}); {@code *} matches every class. A class is accepted when some allow
 * entry matches it and no deny entry does; arrays are judged by their element class, primitive
 * arrays always pass. The class is refused before it is loaded, so a crafted stream can neither
 * initialize nor instantiate it.
 *
 * <p>Threading contract: immutable and thread-safe.
 */
public final class DeserializationFilter {

    /** The default allow list: the JDK value types applications send, and nothing else. */
    public static final String DEFAULT_ALLOW_LIST = "java.lang,java.math,java.time,java.util";

    private static final DeserializationFilter DEFAULT = of(DEFAULT_ALLOW_LIST, null);

    private final List<String> allow;
    private final List<String> deny;

    private DeserializationFilter(List<String> allow, List<String> deny) {
        this.allow = allow;
        this.deny = deny;
    }

    /** The filter of the default options: {@link #DEFAULT_ALLOW_LIST}, nothing denied. */
    public static DeserializationFilter defaults() {
        return DEFAULT;
    }

    /**
     * A filter from comma-separated lists; {@code null} allow list: the default, {@code null} deny
     * list: none. An empty allow list allows no class.
     */
    public static DeserializationFilter of(String allowList, String denyList) {
        return new DeserializationFilter(entries(allowList == null ? DEFAULT_ALLOW_LIST : allowList), entries(denyList));
    }

    /** Whether {@code className} (as {@link Class#getName()} spells it, arrays included) may be deserialized. */
    public boolean accepts(String className) {
        String name = className;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.length() == 1) {
            return true;
        }
        if (name.startsWith("L") && name.endsWith(";")) {
            name = name.substring(1, name.length() - 1);
        }
        return matchesAny(allow, name) && !matchesAny(deny, name);
    }

    /** An object stream that resolves classes with the context class loader first, refusing what this filter refuses. */
    ObjectInputStream open(InputStream in) throws IOException {
        return new FilteringInputStream(in, this);
    }

    private static boolean matchesAny(List<String> entries, String name) {
        for (String e : entries) {
            if (e.equals("*") || name.equals(e) || (name.startsWith(e) && name.charAt(e.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    private static List<String> entries(String list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (String e : list.split(",")) {
                String t = e.trim();
                if (t.endsWith(".*")) {
                    t = t.substring(0, t.length() - 2);
                }
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    InvalidClassException refusal(String className) {
        return new InvalidClassException(className, "refused by the ObjectMessage deserialization lists (client "
                + "options deserializationAllowList=" + String.join(",", allow) + ", deserializationDenyList="
                + String.join(",", deny) + ")");
    }

    /** Checks every class and proxy interface before it is loaded. */
    private static final class FilteringInputStream extends ObjectInputStream {
        private final DeserializationFilter filter;

        FilteringInputStream(InputStream in, DeserializationFilter filter) throws IOException {
            super(in);
            this.filter = filter;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (!filter.accepts(desc.getName())) {
                throw filter.refusal(desc.getName());
            }
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // not visible to the context loader: fall back to the default resolution
                }
            }
            return super.resolveClass(desc);
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
            for (String i : interfaces) {
                if (!filter.accepts(i)) {
                    throw filter.refusal(i);
                }
            }
            return super.resolveProxyClass(interfaces);
        }
    }
}
