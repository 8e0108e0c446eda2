package dev.ferrymq.client.fake;

import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineProvider;
import dev.ferrymq.spi.config.DeclaredOptions;
import dev.ferrymq.spi.config.EngineOptions;
import dev.ferrymq.spi.config.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test engine for the URL scheme {@code fake}: in-memory brokers by name, no selectors. */
public final class FakeEngineProvider implements EngineProvider {

    /** Complete engine calls on an engine thread instead of the caller's. */
    public static final Option<Boolean> ENGINE_THREAD = Option.bool("engineThread", false,
            "complete calls on an engine thread");

    private static final Map<String, FakeBroker> BROKERS = new ConcurrentHashMap<>();

    @Override
    public String scheme() {
        return "fake";
    }

    @Override
    public DeclaredOptions options() {
        return new DeclaredOptions(List.of(ENGINE_THREAD), List.of());
    }

    @Override
    public Engine engine(String name, EngineOptions options) {
        return BROKERS.computeIfAbsent(name, n -> new FakeBroker(n, options.engine().get(ENGINE_THREAD)));
    }

    /** The broker {@code name} (created on first use). */
    public static FakeBroker broker(String name) {
        return BROKERS.computeIfAbsent(name, n -> new FakeBroker(n, false));
    }
}
