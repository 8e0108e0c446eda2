package dev.ferrymq.cdi;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import dev.ferrymq.cdi.support.Cdi;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSessionMode;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolution of injected factories and destinations: default, JNDI, produced bean, unknown name (Jakarta Messaging 12.4.3). */
@Timeout(60)
class InjectionTest {

    @AfterEach
    void stopBrokers() {
        System.clearProperty(CdiOption.URL.key());
        Brokers.names().stream().filter(name -> name.startsWith("cdi-inj")).forEach(Brokers::stop);
        Brokers.stop("cdi-jndi");
    }

    @Dependent
    static class DefaultFactoryUser {
        @Inject
        ConnectionFactory factory;
        @Inject
        JMSContext context;
    }

    @Test
    @DisplayName("12.4.3: without an application factory, @Inject ConnectionFactory is FerryMQ at ferrymq.url, and the default JMSContext uses it")
    void defaultFactoryComesFromFerrymqUrl() {
        System.setProperty(CdiOption.URL.key(), "vm://cdi-inj-default");
        try (SeContainer container = Cdi.boot(DefaultFactoryUser.class)) {
            DefaultFactoryUser user = container.select(DefaultFactoryUser.class).get();
            assertThat(user.factory).isInstanceOf(FerryConnectionFactory.class);
            assertThat(((FerryConnectionFactory) user.factory).getUrl()).isEqualTo("vm://cdi-inj-default");
            Queue queue = user.context.createQueue("default-check");
            user.context.createProducer().send(queue, "via the default factory");
            try (JMSContext direct = user.factory.createContext()) {
                assertThat(direct.createConsumer(queue).receiveBody(String.class, 5000)).isEqualTo("via the default factory");
            }
        }
    }

    @Dependent
    static class JndiFactoryUser {
        @Inject
        @JMSConnectionFactory("jndiFactory")
        ConnectionFactory factory;
        @Inject
        @JMSConnectionFactory("jndiFactory")
        JMSContext context;
    }

    @Test
    @DisplayName("12.4.3: @JMSConnectionFactory(\"x\") resolves a JNDI binding of jndi.properties")
    void namedFactoryFromJndi() {
        try (SeContainer container = Cdi.boot(JndiFactoryUser.class)) {
            JndiFactoryUser user = container.select(JndiFactoryUser.class).get();
            assertThat(((FerryConnectionFactory) user.factory).getUrl()).isEqualTo("vm://cdi-jndi");
            Queue queue = user.context.createQueue("jndi-check");
            user.context.createProducer().send(queue, "via JNDI");
            try (JMSContext direct = new FerryConnectionFactory("vm://cdi-jndi").createContext()) {
                assertThat(direct.createConsumer(queue).receiveBody(String.class, 5000)).isEqualTo("via JNDI");
            }
        }
    }

    @Dependent
    static class FactoryProducer {
        static final FerryConnectionFactory PRODUCED = new FerryConnectionFactory("vm://cdi-inj-produced");

        @Produces
        @Named("produced")
        ConnectionFactory produced() {
            return PRODUCED;
        }
    }

    @Dependent
    static class ProducedFactoryUser {
        @Inject
        @JMSConnectionFactory("produced")
        ConnectionFactory factory;
        @Inject
        ConnectionFactory defaultFactory;
    }

    @Test
    @DisplayName("12.4.3: @JMSConnectionFactory(\"x\") resolves the application's @Named(\"x\") ConnectionFactory bean")
    void namedFactoryFromProducedBean() {
        try (SeContainer container = Cdi.boot(FactoryProducer.class, ProducedFactoryUser.class)) {
            ProducedFactoryUser user = container.select(ProducedFactoryUser.class).get();
            assertThat(user.factory).isSameAs(FactoryProducer.PRODUCED);
            assertThat(user.defaultFactory).isSameAs(FactoryProducer.PRODUCED);
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class NamedFactoryListener {
        static final java.util.concurrent.BlockingQueue<String> RECEIVED = new java.util.concurrent.LinkedBlockingQueue<>();

        @JmsListener(queue = "named.factory", connectionFactory = "jndiFactory")
        void onMessage(String body) {
            RECEIVED.add(body);
        }
    }

    @Test
    @DisplayName("A listener's connectionFactory name resolves like @JMSConnectionFactory (here through JNDI)")
    void listenerOnNamedFactory() throws Exception {
        try (SeContainer container = Cdi.boot(NamedFactoryListener.class)) {
            try (JMSContext direct = new FerryConnectionFactory("vm://cdi-jndi").createContext()) {
                direct.createProducer().send(direct.createQueue("named.factory"), "via the named factory");
            }
            assertThat(NamedFactoryListener.RECEIVED.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("via the named factory");
        }
    }

    @Dependent
    static class UnknownFactoryUser {
        @Inject
        @JMSConnectionFactory("no-such-factory")
        JMSContext context;
    }

    @Test
    @DisplayName("12.4.3: an unknown @JMSConnectionFactory name fails deployment naming the name and the injection point")
    void unknownFactoryFailsDeployment() {
        assertThat(Cdi.deploymentFailure(UnknownFactoryUser.class))
                        .contains("no-such-factory")
                        .contains(UnknownFactoryUser.class.getName() + ".context");
    }

    @Dependent
    static class TransactedContextUser {
        @Inject
        @JMSSessionMode(JMSContext.SESSION_TRANSACTED)
        JMSContext context;
    }

    @Test
    @DisplayName("12.4.3: outside a JTA transaction an injected JMSContext may only be AUTO or DUPS_OK; others fail deployment")
    void transactedInjectedContextFailsDeployment() {
        assertThat(Cdi.deploymentFailure(TransactedContextUser.class))
                        .contains("@JMSSessionMode(0)")
                        .contains(TransactedContextUser.class.getName() + ".context");
    }

    @Dependent
    static class DestinationUser {
        @Inject
        @FerryQueue("orders")
        Queue orders;
        @Inject
        @FerryQueue("jndiOrders")
        Queue jndiOrders;
        @Inject
        @FerryTopic("prices")
        Topic prices;
        @Inject
        @FerryTopic("jndiPrices")
        Topic jndiPrices;
    }

    @Test
    @DisplayName("Destinations by qualifier: a physical name, or a JNDI name of jndi.properties")
    void destinationsByNameOrJndi() throws Exception {
        System.setProperty(CdiOption.URL.key(), "vm://cdi-inj-destinations");
        try (SeContainer container = Cdi.boot(DestinationUser.class)) {
            DestinationUser user = container.select(DestinationUser.class).get();
            assertThat(user.orders.getQueueName()).isEqualTo("orders");
            assertThat(user.jndiOrders.getQueueName()).isEqualTo("orders.from-jndi");
            assertThat(user.prices.getTopicName()).isEqualTo("prices");
            assertThat(user.jndiPrices.getTopicName()).isEqualTo("prices.from-jndi");
        }
    }
}
