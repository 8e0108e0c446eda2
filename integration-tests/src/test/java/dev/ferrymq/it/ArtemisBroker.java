package dev.ferrymq.it;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.junit.EmbeddedActiveMQExtension;

import java.nio.file.Path;

/**
 * The reference provider: ActiveMQ Artemis embedded in the test JVM (as in tck-tests), started on
 * first use with an in-VM acceptor {@code vm://0}, no security, no persistence, and stopped when
 * the JVM exits. Tests on it use destination names of their own. Thread-safe.
 */
public final class ArtemisBroker {

    /** The URL an Artemis application in this JVM connects to. */
    public static final String URL = "vm://0";

    private static EmbeddedActiveMQExtension broker;

    private ArtemisBroker() {
    }

    /** A connection factory for the embedded broker, started first if need be. */
    public static ActiveMQConnectionFactory factory() {
        ensureStarted();
        return new ActiveMQConnectionFactory(URL);
    }

    public static synchronized void ensureStarted() {
        if (broker != null) {
            return;
        }
        EmbeddedActiveMQExtension started = new EmbeddedActiveMQExtension(configuration());
        started.start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "artemis-it-stop"));
        broker = started;
    }

    private static Configuration configuration() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ferrymq-it-artemis");
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
                    .setName("it")
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setJournalDirectory(dir.resolve("journal").toString())
                    .setBindingsDirectory(dir.resolve("bindings").toString())
                    .setLargeMessagesDirectory(dir.resolve("large").toString())
                    .setPagingDirectory(dir.resolve("paging").toString())
                    .addAcceptorConfiguration("in-vm", URL)
                    .addAddressSetting("#", plainJms);
        } catch (Exception e) {
            throw new IllegalStateException("invalid Artemis configuration", e);
        }
    }
}
