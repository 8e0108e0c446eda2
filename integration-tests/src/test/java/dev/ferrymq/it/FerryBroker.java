package dev.ferrymq.it;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A FerryMQ broker of a test's own, {@code vm://it-<what>-<n>}, created by the provider on the
 * first connection and stopped by {@link #close()}. Thread-safe (immutable).
 */
public final class FerryBroker implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name;

    public FerryBroker(String what) {
        this.name = "it-" + what + "-" + COUNT.incrementAndGet();
    }

    public String name() {
        return name;
    }

    /** {@code vm://<name>} followed by {@code ?query} when {@code query} is not empty. */
    public String url(String query) {
        return "vm://" + name + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    public FerryConnectionFactory factory() {
        return new FerryConnectionFactory(url(""));
    }

    public FerryConnectionFactory factory(String query) {
        return new FerryConnectionFactory(url(query));
    }

    /** Stops the broker; its connections are closed by the provider. */
    @Override
    public void close() {
        Brokers.stop(name);
    }
}
