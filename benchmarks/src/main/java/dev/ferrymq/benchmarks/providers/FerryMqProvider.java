package dev.ferrymq.benchmarks.providers;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * FerryMQ's in-JVM engine through {@link FerryConnectionFactory}: each scenario gets a broker of
 * its own ({@code vm://bench-N}), started by the first connection and stopped after the scenario.
 * {@link BrokerSettings#PERSISTENT} maps to the file store with its default sync policy
 * ({@code always}: fsync per send/commit, shared by concurrent producers) in a temporary data
 * directory deleted afterwards; the other settings to {@code store=memory}, and
 * {@link BrokerSettings#IN_MEMORY_LIMITED} adds {@code maxQueueBytes} = 64 MiB with
 * {@code fullPolicy=block} (default {@code sendTimeout}, 30 s). A restart
 * ({@link #stopKeepingData()}, {@link #startAgain()}) is {@link Brokers#stop} and a new connection
 * from the same factory, the way an application restarts an in-JVM broker. A connection is opened
 * and closed at once so that a provider that cannot connect fails here, once per scenario. Used by
 * one harness thread.
 */
public final class FerryMqProvider implements ProviderUnderTest {

    private static final AtomicInteger BROKERS = new AtomicInteger();
    private String broker;
    private Path dataDir;
    private FerryConnectionFactory factory;
    private boolean stoppedKeepingData;

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
        broker = "bench-" + BROKERS.incrementAndGet();
        String url = "vm://" + broker + "?store=memory";
        if (settings == BrokerSettings.IN_MEMORY_LIMITED) {
            url += "&maxQueueBytes=" + BrokerSettings.DESTINATION_LIMIT_BYTES + "&fullPolicy=block";
        }
        if (settings == BrokerSettings.PERSISTENT) {
            dataDir = Files.createTempDirectory("ferrymq-bench-ferrymq-");
            url = "vm://" + broker + "?store=file&dataDirectory="
                    + URLEncoder.encode(dataDir.toString(), StandardCharsets.UTF_8);
        }
        factory = new FerryConnectionFactory(url);
        stoppedKeepingData = false;
        try (Connection probe = factory.createConnection()) {
            probe.getMetaData();
        }
        return factory;
    }

    /** {@link Brokers#stop}: the journal stays in the data directory ({@code store=file}). */
    @Override
    public void stopKeepingData() {
        if (broker == null || stoppedKeepingData) {
            throw new IllegalStateException("no FerryMQ broker is running");
        }
        Brokers.stop(broker);
        stoppedKeepingData = true;
    }

    /**
     * The same factory: its URL names the same broker and data directory, so the first connection
     * starts the broker again, which recovers the journal before the connection is returned.
     */
    @Override
    public ConnectionFactory startAgain() {
        if (!stoppedKeepingData) {
            throw new IllegalStateException("no FerryMQ broker was stopped keeping its data");
        }
        stoppedKeepingData = false;
        return factory;
    }

    @Override
    public void stop() throws IOException {
        if (broker != null) {
            Brokers.stop(broker);
            broker = null;
            factory = null;
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } finally {
                dataDir = null;
            }
        }
    }
}
