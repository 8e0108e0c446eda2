package dev.ferrymq.spi;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** Looks up {@link EngineProvider}s by scheme. Thread-safe. */
public final class Engines {

    private static final Map<String, EngineProvider> PROVIDERS = new ConcurrentHashMap<>();

    static {
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader())) {
            PROVIDERS.putIfAbsent(p.scheme(), p);
        }
    }

    private Engines() {
    }

    /**
     * The provider for {@code scheme}.
     *
     * @throws EngineException GENERAL when no engine serves the scheme
     */
    public static EngineProvider forScheme(String scheme) {
        EngineProvider p = PROVIDERS.get(scheme);
        if (p == null) {
            throw EngineException.general("no FerryMQ engine serves the URL scheme '" + scheme
                    + "' (known: " + PROVIDERS.keySet() + ")");
        }
        return p;
    }
}
