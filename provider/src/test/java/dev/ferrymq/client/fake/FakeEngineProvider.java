package dev.ferrymq.client.fake;

import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineProvider;
import dev.ferrymq.spi.config.DeclaredOptions;
import dev.ferrymq.spi.config.EngineOptions;
import dev.ferrymq.spi.config.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test engine for the URL scheme {@code fake}: in-memory brokers by name; passes the SPI contract suite ({@code FakeEngineContractTest}). */
public final class FakeEngineProvider implements EngineProvider {

    /** Complete engine calls on an engine thread instead of the caller's. */
    public static final Option<Boolean> ENGINE_THREAD = Option.bool("engineThread", false,
            "complete calls on an engine thread");

    /** A per-destination option the fake only records: to see per-destination values arrive typed. */
    public static final Option<Integer> WINDOW = Option.integer("window", 10, 1,
            "a per-destination number the fake records and ignores");

    private static final Map<String, FakeBroker> BROKERS = new ConcurrentHashMap<>();
    /** The options of the last {@link #engine} call for each name. */
    private static final Map<String, EngineOptions> ASKED = new ConcurrentHashMap<>();

    @Override
    public String scheme() {
        return "fake";
    }

    @Override
    public DeclaredOptions options() {
        return new DeclaredOptions(List.of(ENGINE_THREAD), List.of(WINDOW));
    }

    @Override
    public Engine engine(String name, EngineOptions options) {
        ASKED.put(name, options);
        return BROKERS.computeIfAbsent(name, n -> new FakeBroker(n, options.engine().get(ENGINE_THREAD)));
    }

    /** The typed options the facade last asked for engine {@code name} with, or {@code null} when it never asked. */
    public static EngineOptions lastAsked(String name) {
        return ASKED.get(name);
    }

    /** The broker {@code name} (created on first use). */
    public static FakeBroker broker(String name) {
        return BROKERS.computeIfAbsent(name, n -> new FakeBroker(n, false));
    }
}
