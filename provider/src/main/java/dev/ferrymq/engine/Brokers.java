package dev.ferrymq.engine;

import dev.ferrymq.engine.exec.EngineThreads;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.config.EngineOptions;
import dev.ferrymq.store.JournalConfig;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The running in-JVM brokers by name: {@code vm://name} starts or joins broker {@code name}; tests
 * and admin code stop them here.
 *
 * <p>Threading contract: thread-safe. {@link #stop} blocks its caller (at most ten seconds) until
 * the broker's connections are closed, except on an engine thread, where it only starts stopping.
 */
public final class Brokers {

    private static final ConcurrentHashMap<String, Broker> RUNNING = new ConcurrentHashMap<>();

    private Brokers() {
    }

    /**
     * Returns the running broker {@code name}, starting it with {@code options} when none runs.
     * When the broker already runs, values that differ from the ones it was started with are
     * ignored, with a warning naming them (once per set of differences).
     *
     * @throws dev.ferrymq.spi.EngineException GENERAL saying why the broker cannot start
     */
    public static Broker getOrStart(String name, EngineOptions options) {
        return getOrStart(name, options, UnaryOperator.identity());
    }

    /**
     * {@link #getOrStart(String, EngineOptions)} with the store's configuration (from the options)
     * changed by {@code journal} when the broker starts: for embedding code and tests that, say,
     * inject a {@link JournalConfig#withChannelFactory ChannelFactory} simulating a full disk.
     *
     * @throws dev.ferrymq.spi.EngineException GENERAL naming the option whose value the store
     *                                         refuses, or saying why the store cannot be opened
     */
    public static Broker getOrStart(String name, EngineOptions options, UnaryOperator<JournalConfig> journal) {
        StartOptions given = new StartOptions(name, options);
        Broker b = RUNNING.computeIfAbsent(name, n -> new Broker(n, options.engine(), options.destinations(),
                journal.apply(journalConfig(options, n)), given));
        if (b.startOptions() != given) {
            b.startOptions().warnIfDifferent(options);
        }
        return b;
    }

    private static JournalConfig journalConfig(EngineOptions options, String broker) {
        try {
            return BrokerOptions.journalConfig(options.engine(), broker);
        } catch (IllegalArgumentException e) {
            throw new EngineException(EngineException.Kind.GENERAL, "vm broker '" + broker + "': " + e.getMessage(), e);
        }
    }

    /** The running broker {@code name}, or {@code null}. */
    public static Broker find(String name) {
        return RUNNING.get(name);
    }

    /** The names of the running brokers. */
    public static Set<String> names() {
        return Set.copyOf(RUNNING.keySet());
    }

    /**
     * Stops broker {@code name} and forgets it: its consumers' sinks get {@code onClosed}, its
     * connections' listeners {@code onException}, and its connections are closed. A later
     * {@code vm://name} starts a fresh, empty broker.
     *
     * @return whether a broker of that name was running
     */
    public static boolean stop(String name) {
        Broker b = RUNNING.remove(name);
        if (b == null) {
            return false;
        }
        CompletableFuture<Void> done = b.stop();
        if (!EngineThreads.inEngine()) {
            try {
                done.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.getLogger(Brokers.class.getName()).log(System.Logger.Level.WARNING,
                        "broker '" + name + "' did not stop cleanly within 10 s; it is forgotten anyway", e);
            }
        }
        return true;
    }
}
