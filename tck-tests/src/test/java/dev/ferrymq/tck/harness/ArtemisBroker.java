package dev.ferrymq.tck.harness;

import java.nio.file.Path;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.junit.EmbeddedActiveMQExtension;

/**
 * The embedded ActiveMQ Artemis broker, started once per JVM on first use (through artemis-junit-5's
 * {@link EmbeddedActiveMQExtension}) and stopped when the JVM exits. Configured as a plain Jakarta
 * Messaging broker: in-VM acceptor {@code vm://0}, security and persistence disabled, queues and
 * addresses auto-created.
 *
 * <p>Thread-safe: start is guarded by the class lock (it happens once).
 */
final class ArtemisBroker {

    private static EmbeddedActiveMQExtension broker;

    private ArtemisBroker() {
    }

    static synchronized void ensureStarted() {
        if (broker != null) {
            return;
        }
        EmbeddedActiveMQExtension started = new EmbeddedActiveMQExtension(configuration());
        started.start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "artemis-tck-stop"));
        broker = started;
    }

    private static Configuration configuration() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ferrymq-tck-artemis");
        AddressSettings plainJms = new AddressSettings()
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                .setMaxDeliveryAttempts(-1);
        try {
            ConfigurationImpl config = new ConfigurationImpl();
            config.setBrokerInstance(dir.toFile());
            return config
                    .setName("tck")
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setJournalDirectory(dir.resolve("journal").toString())
                    .setBindingsDirectory(dir.resolve("bindings").toString())
                    .setLargeMessagesDirectory(dir.resolve("large").toString())
                    .setPagingDirectory(dir.resolve("paging").toString())
                    .addAcceptorConfiguration("in-vm", "vm://0")
                    .addAddressSetting("#", plainJms);
        } catch (Exception e) {
            throw new IllegalStateException("invalid Artemis configuration", e);
        }
    }
}
