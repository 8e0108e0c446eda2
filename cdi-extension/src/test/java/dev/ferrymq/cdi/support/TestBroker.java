package dev.ferrymq.cdi.support;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JMS provider the listener tests run on, chosen by the system property
 * {@code cdi.test.provider} (ferrymq, the default, or artemis): a fresh FerryMQ broker per test, or
 * one embedded ActiveMQ Artemis per JVM (tests use distinct destination names).
 */
public final class TestBroker {

    private static final AtomicInteger BROKERS = new AtomicInteger();
    private static volatile CountingConnectionFactory current;
    private static volatile String ferryName;
    private static EmbeddedActiveMQ artemis;

    private TestBroker() {
    }

    public static boolean artemis() {
        return "artemis".equals(System.getProperty("cdi.test.provider", "ferrymq"));
    }

    /**
     * The tests' own Serializable types may be read from ObjectMessages, besides FerryMQ's default
     * allow-list (java.lang, java.math, java.time, java.util), as an application allows its own.
     */
    private static final String ALLOW_TEST_TYPES = "deserializationAllowList=java.lang,java.math,java.time,java.util,dev.ferrymq.cdi";

    /** Starts this test's broker; FerryMQ gets {@code prefetch=1} (spreads messages over consumers) plus the given options. */
    public static CountingConnectionFactory start(String ferryOptions) {
        ConnectionFactory factory;
        if (artemis()) {
            factory = artemisFactory();
        } else {
            ferryName = "cdi-test-" + BROKERS.incrementAndGet();
            factory = new FerryConnectionFactory("vm://" + ferryName + "?prefetch=1&" + ALLOW_TEST_TYPES
                    + (ferryOptions.isEmpty() ? "" : "&" + ferryOptions));
        }
        current = new CountingConnectionFactory(factory);
        return current;
    }

    public static CountingConnectionFactory start() {
        return start("");
    }

    /** The factory of the running test. */
    public static CountingConnectionFactory factory() {
        return current;
    }

    /**
     * Stops the running FerryMQ broker as a crash or an operator would, keeping the factory: the next
     * connection from it starts the broker again (empty: the tests' brokers keep nothing).
     */
    public static void stopFerryKeepingFactory() {
        if (ferryName == null) {
            throw new IllegalStateException("no FerryMQ test broker runs");
        }
        Brokers.stop(ferryName);
    }

    public static void stop() {
        if (ferryName != null) {
            Brokers.stop(ferryName);
            ferryName = null;
        }
        current = null;
    }

    private static synchronized ConnectionFactory artemisFactory() {
        if (artemis == null) {
            try {
                ConfigurationImpl config = new ConfigurationImpl();
                config.setPersistenceEnabled(false).setSecurityEnabled(false).setJMXManagementEnabled(false)
                        .addAcceptorConfiguration("in-vm", "vm://0")
                        .addAddressSetting("#", new AddressSettings().setAutoCreateQueues(true).setAutoCreateAddresses(true)
                                .setMaxDeliveryAttempts(-1));
                EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestBroker::stopArtemis, "artemis-cdi-stop"));
                artemis = server;
            } catch (Exception e) {
                throw new IllegalStateException("embedded Artemis did not start", e);
            }
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(false, new TransportConfiguration(InVMConnectorFactory.class.getName()));
        factory.setConsumerWindowSize(0);
        return factory;
    }

    private static synchronized void stopArtemis() {
        try {
            artemis.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Artemis did not stop", e);
        }
    }
}
