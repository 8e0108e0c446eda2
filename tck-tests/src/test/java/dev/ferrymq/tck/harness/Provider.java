package dev.ferrymq.tck.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A Jakarta Messaging provider the suite runs against. Each provider is reached only through its
 * JNDI initial context factory, configured by {@code jndi/<id>.properties} on the test class path,
 * exactly as an application would reach it. The tests never import provider classes.
 *
 * <p>Thread-safe: constants; {@link #jndi()} builds a new context per call.
 */
public enum Provider {

    /** FerryMQ with its in-JVM engine ({@code vm://tck}), created on first use by its JNDI factory. */
    FERRYMQ("ferrymq", "FerryMQ") {
        @Override
        void ensureStarted() {
            // The vm:// broker is created by the provider on first connection.
        }
    },

    /** ActiveMQ Artemis, embedded in the test JVM with an in-VM acceptor ({@code vm://0}). */
    ARTEMIS("artemis", "ActiveMQ Artemis") {
        @Override
        void ensureStarted() {
            ArtemisBroker.ensureStarted();
        }
    };

    /** System property selecting the providers: comma-separated ids; default all. */
    public static final String SELECTION_PROPERTY = "tck.providers";

    private final String id;
    private final String displayName;

    Provider(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** Short id used in the {@code tck.providers} property and in the exclusions file. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    abstract void ensureStarted();

    /**
     * A new JNDI context for this provider (starting the embedded broker first if needed).
     *
     * @throws NamingException as the provider's factory throws it
     */
    public Context jndi() throws NamingException {
        ensureStarted();
        return new InitialContext(environment());
    }

    private Hashtable<Object, Object> environment() {
        String resource = "jndi/" + id + ".properties";
        Properties props = new Properties();
        try (InputStream in = Provider.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing JNDI configuration " + resource);
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new Hashtable<>(props);
    }

    /** The provider with the given id. */
    public static Provider byId(String id) {
        for (Provider p : values()) {
            if (p.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + id + "' in -D" + SELECTION_PROPERTY
                + "; known: " + Arrays.toString(values()));
    }

    /** Providers selected by {@code -Dtck.providers=ferrymq,artemis} (default: all). */
    public static List<Provider> selected() {
        String value = System.getProperty(SELECTION_PROPERTY, "");
        if (value.isBlank()) {
            return List.of(values());
        }
        return Arrays.stream(value.split(",")).filter(s -> !s.isBlank()).map(Provider::byId).distinct().toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
