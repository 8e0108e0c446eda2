package dev.ferrymq.spi;

import java.util.Map;

/**
 * Finds or starts the engine behind a URL scheme; loaded with {@link java.util.ServiceLoader}
 * (see {@link Engines}). The in-JVM engine serves {@code vm://name}.
 */
public interface EngineProvider {

    /** The URL scheme served, e.g. {@code "vm"}. */
    String scheme();

    /**
     * Returns the engine {@code name}, starting it when it is not running. The same name returns
     * the same broker while it runs.
     *
     * @param name    the URL's authority, e.g. {@code default} for {@code vm://default}
     * @param options the engine options from the URL query that the facade did not consume
     * @throws EngineException naming the option when an option is unknown or its value invalid
     */
    Engine engine(String name, Map<String, String> options) throws EngineException;
}
