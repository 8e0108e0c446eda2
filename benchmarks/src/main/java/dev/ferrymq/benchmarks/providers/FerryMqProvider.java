package dev.ferrymq.benchmarks.providers;

import dev.ferrymq.FerryConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * FerryMQ's in-JVM engine through {@link FerryConnectionFactory}: each scenario gets a broker of
 * its own ({@code vm://bench-N}), started by the first connection. A connection is opened and
 * closed at once so that a provider that cannot connect fails here, once per scenario. FerryMQ
 * has no broker stop and (yet) no persistence option, so {@link BrokerSettings} are not mapped;
 * PERSISTENT scenarios measure whatever the engine does with PERSISTENT messages. Used by one
 * harness thread.
 */
public final class FerryMqProvider implements ProviderUnderTest {

    private static final AtomicInteger BROKERS = new AtomicInteger();

    @Override
    public String name() {
        return "FerryMQ";
    }

    @Override
    public String id() {
        return "ferrymq";
    }

    @Override
    public ConnectionFactory start(BrokerSettings settings) throws Exception {
        FerryConnectionFactory factory = new FerryConnectionFactory("vm://bench-" + BROKERS.incrementAndGet());
        try (Connection probe = factory.createConnection()) {
            probe.getMetaData();
        }
        return factory;
    }

    @Override
    public void stop() {
        // Nothing to stop: each scenario uses a new broker name, and its connections are closed.
    }
}
