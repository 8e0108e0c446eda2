package dev.ferrymq.cdi;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The extension's settings, each read from MicroProfile Config when it is on the class path, else
 * from the system property of the same name, else its default. Read when the container starts
 * (values are not watched afterwards).
 */
public enum CdiOption {

    URL("ferrymq.url", "vm://default",
            "URL of the default FerryConnectionFactory, used when the application produces no @Default ConnectionFactory bean."),
    SHUTDOWN_TIMEOUT("ferrymq.cdi.shutdownTimeout", "10000",
            "Milliseconds listener methods still running at shutdown may take to finish before their connection is closed (their unacknowledged messages then go back to their destination)."),
    RECEIVE_TIMEOUT("ferrymq.cdi.receiveTimeout", "200",
            "Milliseconds a listener consumer waits in one receive; bounds how late it notices shutdown."),
    IDLE_RECEIVES("ferrymq.cdi.idleReceives", "5",
            "Consecutive empty receives after which a listener consumer above the concurrency minimum retires."),
    RECOVERY_INTERVAL("ferrymq.cdi.recoveryInterval", "5000",
            "Milliseconds between attempts to bring a listener back after its consumers failed (its broker stopped, "
                    + "for example): on its connection while that still works, else on a new one; as Spring's "
                    + "DefaultMessageListenerContainer.");

    private static final String MP_CONFIG_PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
    private static final String MP_CONFIG = "org.eclipse.microprofile.config.Config";

    private final String key;
    private final String defaultValue;
    private final String description;

    CdiOption(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The configured value, or the default. */
    public String value() {
        return microProfileValue().or(() -> Optional.ofNullable(System.getProperty(key))).orElse(defaultValue);
    }

    /** The value as a number of milliseconds or a count; a malformed value fails naming the option. */
    public long longValue() {
        String value = value();
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("FerryMQ CDI option " + key + " must be a whole number, not '" + value + "'", e);
        }
    }

    private Optional<String> microProfileValue() {
        try {
            ClassLoader loader = CdiOption.class.getClassLoader();
            Class<?> provider = Class.forName(MP_CONFIG_PROVIDER, false, loader);
            Object config = provider.getMethod("getConfig").invoke(null);
            Method lookup = Class.forName(MP_CONFIG, false, loader).getMethod("getOptionalValue", String.class, Class.class);
            @SuppressWarnings("unchecked")
            Optional<String> value = (Optional<String>) lookup.invoke(config, key, String.class);
            return value;
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read FerryMQ CDI option " + key + " from MicroProfile Config", e);
        }
    }
}
