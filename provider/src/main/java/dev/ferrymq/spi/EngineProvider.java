package dev.ferrymq.spi;

import dev.ferrymq.spi.config.DeclaredOptions;
import dev.ferrymq.spi.config.EngineOptions;

/**
 * Finds or starts the engine behind a URL scheme; loaded with {@link java.util.ServiceLoader}
 * (see {@link Engines}). The in-JVM engine serves {@code vm://name}.
 *
 * <p>Configuration is typed: the provider declares its options ({@link #options()}); the facade
 * parses the text it was given (URL query, factory properties, JNDI) against them once, refusing
 * an unknown option or an invalid value before any engine is asked, and passes the values to
 * {@link #engine}.
 *
 * <p>Threading: implementations are thread-safe; {@code engine} may be called from any thread, concurrently.
 */
public interface EngineProvider {

    /** The URL scheme served, e.g. {@code "vm"}. */
    String scheme();

    /** The options this engine takes, each declared once with its name, type, default and rules. */
    DeclaredOptions options();

    /**
     * Returns the engine {@code name}, starting it when it is not running. The same name returns
     * the same broker while it runs.
     *
     * @param name    the URL's authority, e.g. {@code default} for {@code vm://default}
     * @param options values of {@link #options()}, already checked against their rules
     * @throws EngineException saying why the engine cannot be started (e.g. its store cannot be opened)
     */
    Engine engine(String name, EngineOptions options) throws EngineException;
}
