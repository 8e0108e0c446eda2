package dev.ferrymq.benchmarks.providers;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import jakarta.jms.ConnectionFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * ActiveMQ Artemis embedded in this JVM with an in-VM acceptor ({@code vm://0}), security off,
 * JMX off, the critical analyzer off (it only logs on a loaded machine), the dead letter and
 * expiry addresses of the distribution's broker.xml, everything else at Artemis's defaults: persistence on with the default journal sync policy for
 * {@link BrokerSettings#PERSISTENT}, off otherwise; {@link BrokerSettings#IN_MEMORY_LIMITED} sets
 * every address's {@code max-size-bytes} to 64 MiB with {@code address-full-policy} BLOCK (the
 * producer waits for credits while the address is full), the counterpart of FerryMQ's
 * {@code maxQueueBytes} with {@code fullPolicy=block}. Clients use the jakarta
 * {@link ActiveMQConnectionFactory} with default settings. One broker at a time; used by one
 * harness thread.
 */
public final class ArtemisProvider implements ProviderUnderTest {

    private static final String URL = "vm://0";

    private EmbeddedActiveMQ broker;
    private ActiveMQConnectionFactory factory;
    private Path dataDir;
    private Configuration config;

    @Override
    public String name() {
        return "Artemis";
    }

    @Override
    public String id() {
        return "artemis";
    }

    @Override
    public ConnectionFactory start(BrokerSettings settings) throws Exception {
        stop();
        dataDir = Files.createTempDirectory("ferrymq-bench-artemis-");
        AddressSettings addresses = new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"));
        if (settings == BrokerSettings.IN_MEMORY_LIMITED) {
            addresses.setMaxSizeBytes(BrokerSettings.DESTINATION_LIMIT_BYTES)
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.BLOCK);
        }
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(settings == BrokerSettings.PERSISTENT)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large").toString())
                .setNodeManagerLockDirectory(dataDir.toString())
                .addAcceptorConfiguration("in-vm", URL)
                .setCriticalAnalyzer(false)
                .addAddressSetting("#", addresses);
        if (settings == BrokerSettings.IN_MEMORY_UNBOUNDED) {
            config.setGlobalMaxSize(-1);
        }
        this.config = config;
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        factory = new ActiveMQConnectionFactory(URL);
        return factory;
    }

    /** Closes the factory and stops the server; the journal stays in the data directory. */
    @Override
    public void stopKeepingData() throws Exception {
        if (broker == null) {
            throw new IllegalStateException("no Artemis broker is running");
        }
        try {
            factory.close();
            broker.stop();
        } finally {
            factory = null;
            broker = null;
        }
    }

    /** A new embedded server on the same configuration and journal (it loads the journal in start). */
    @Override
    public ConnectionFactory startAgain() throws Exception {
        if (broker != null || config == null || dataDir == null) {
            throw new IllegalStateException("no Artemis broker was stopped keeping its data");
        }
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        factory = new ActiveMQConnectionFactory(URL);
        return factory;
    }

    @Override
    public void stop() throws Exception {
        try {
            if (factory != null) {
                factory.close();
            }
            if (broker != null) {
                broker.stop();
            }
        } finally {
            factory = null;
            broker = null;
            config = null;
            deleteDataDir();
        }
    }

    private void deleteDataDir() throws IOException {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } finally {
            dataDir = null;
        }
    }
}
