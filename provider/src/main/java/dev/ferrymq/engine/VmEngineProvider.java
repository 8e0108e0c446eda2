package dev.ferrymq.engine;

import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineProvider;
import dev.ferrymq.spi.config.DeclaredOptions;
import dev.ferrymq.spi.config.EngineOptions;

/**
 * Serves {@code vm://name}: the in-JVM broker {@code name}, started on first use and shared by
 * every connection to that name in the JVM until {@link Brokers#stop(String)}. Options are the
 * {@link BrokerOptions#DECLARED}. Registered with {@link java.util.ServiceLoader}.
 *
 * <p>Threading contract: stateless and thread-safe.
 */
public final class VmEngineProvider implements EngineProvider {

    /** The URL scheme served. */
    public static final String SCHEME = "vm";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public DeclaredOptions options() {
        return BrokerOptions.DECLARED;
    }

    @Override
    public Engine engine(String name, EngineOptions options) throws EngineException {
        if (name == null || name.isEmpty()) {
            throw EngineException.general("vm broker URL needs a broker name, e.g. vm://default");
        }
        return Brokers.getOrStart(name, options);
    }
}
