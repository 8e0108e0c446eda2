package dev.ferrymq.engine.management;

/**
 * Whether Micrometer is on the class path, and the broker's meters in
 * {@code io.micrometer.core.instrument.Metrics.globalRegistry} when it is. This class names no
 * Micrometer type: it checks for Micrometer with {@link Class#forName(String, boolean, ClassLoader)}
 * (without initializing anything) and only then touches {@link FerryMqMetrics} and Micrometer,
 * through the nested class, which the JVM loads only when it is first used.
 *
 * <p>Threading contract: stateless; thread-safe.
 */
public final class MicrometerSupport {

    private MicrometerSupport() {
    }

    /** Whether Micrometer's core is visible to the provider's class loader. */
    public static boolean available() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, MicrometerSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Binds meters of {@code broker} to Micrometer's global registry when Micrometer is on the class
     * path; returns what removes them again, or {@code null} when Micrometer is absent or unusable.
     */
    public static AutoCloseable bindGlobal(ManagedBroker broker) {
        if (!available()) {
            return null;
        }
        try {
            return Global.bind(broker);
        } catch (LinkageError | RuntimeException e) {
            // an incompatible Micrometer on the class path costs the meters, never the broker
            System.getLogger(MicrometerSupport.class.getName()).log(System.Logger.Level.WARNING,
                    "broker '" + broker.name() + "': Micrometer is on the class path but its meters could not be "
                            + "registered (" + e + "); running without them");
            return null;
        }
    }

    /** Loaded only when Micrometer is present. */
    private static final class Global {
        static AutoCloseable bind(ManagedBroker broker) {
            FerryMqMetrics metrics = new FerryMqMetrics(broker);
            metrics.bindTo(io.micrometer.core.instrument.Metrics.globalRegistry);
            return metrics;
        }
    }
}
