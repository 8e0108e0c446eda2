package dev.ferrymq.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters ({@code ferrymq.*}) for one running broker's queues and topic subscriptions,
 * bound to a registry of your own (start the broker with {@code metrics=false} so its meters are
 * not in {@code Metrics.globalRegistry} as well):
 *
 * <pre>{@code
 * FerryMqMetrics metrics = FerryMqMetrics.forBroker("orders");
 * metrics.bindTo(registry);
 * // ...
 * metrics.close();   // removes them
 * }</pre>
 *
 * Meters follow the destinations: added when one is created, removed when it is deleted. Using
 * this class needs Micrometer ({@code io.micrometer:micrometer-core}) on the class path; the rest of
 * the provider does not.
 *
 * <p>Threading contract: thread-safe; bind to one registry.
 */
public final class FerryMqMetrics implements MeterBinder, AutoCloseable {

    private final dev.ferrymq.engine.management.FerryMqMetrics meters;

    private FerryMqMetrics(dev.ferrymq.engine.management.FerryMqMetrics meters) {
        this.meters = meters;
    }

    /**
     * Meters for the running broker {@code name} ({@code vm://name}), once {@linkplain #bindTo bound}.
     *
     * @throws IllegalArgumentException when no broker of that name is running
     */
    public static FerryMqMetrics forBroker(String name) {
        dev.ferrymq.engine.Broker broker = dev.ferrymq.engine.Brokers.find(name);
        if (broker == null) {
            throw new IllegalArgumentException("no vm broker '" + name + "' is running (running: "
                    + dev.ferrymq.engine.Brokers.names() + "); connect to vm://" + name + " first");
        }
        return new FerryMqMetrics(new dev.ferrymq.engine.management.FerryMqMetrics(broker));
    }

    /**
     * Registers the meters of the broker's destinations in {@code registry}, and of each destination
     * created later.
     *
     * @throws IllegalStateException when this binder is already bound
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        meters.bindTo(registry);
    }

    /** Removes the meters from the registry; later destinations get none. */
    @Override
    public void close() {
        meters.close();
    }
}
