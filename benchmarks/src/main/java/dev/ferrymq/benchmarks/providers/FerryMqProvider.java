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
 * {@code fullPolicy=block} (default {@code sendTimeout}, 30 s). A connection is opened
 * and closed at once so that a provider that cannot connect fails here, once per scenario. Used by
 * one harness thread.
 */
public final class FerryMqProvider implements ProviderUnderTest {

    private static final AtomicInteger BROKERS = new AtomicInteger();
    private String broker;
    private Path dataDir;

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
        FerryConnectionFactory factory = new FerryConnectionFactory(url);
        try (Connection probe = factory.createConnection()) {
            probe.getMetaData();
        }
        return factory;
    }

    @Override
    public void stop() throws IOException {
        if (broker != null) {
            Brokers.stop(broker);
            broker = null;
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
