package dev.ferrymq.jndi;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spec section "Administered objects" (JNDI lookup of connection factories and destinations):
 * FerryMQ's in-memory JNDI context, configured like Artemis' and Qpid JMS' contexts.
 */
class FerryInitialContextFactoryTest {

    private static InitialContext context(Map<String, String> properties) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>(properties);
        env.put(Context.INITIAL_CONTEXT_FACTORY, FerryInitialContextFactory.class.getName());
        return new InitialContext(env);
    }

    private static String url(Object factory) {
        assertThat(factory).isInstanceOf(FerryConnectionFactory.class);
        return ((FerryConnectionFactory) factory).getUrl();
    }

    @Test
    @DisplayName("Administered objects: connectionFactory.<name> binds a factory with that URL (Artemis key)")
    void connectionFactoryArtemisKey() throws Exception {
        InitialContext ctx = context(Map.of("connectionFactory.orders", "vm://b1?user=u&password=p"));
        assertThat(url(ctx.lookup("orders"))).isEqualTo("vm://b1?user=u&password=p");
    }

    @Test
    @DisplayName("Administered objects: connectionfactory.<name> and property.connectionfactory.<name>.<option> (Qpid keys)")
    void connectionFactoryQpidKeys() throws Exception {
        InitialContext ctx = context(Map.of(
                "connectionfactory.myFactoryLookup", "vm://b2",
                "property.connectionfactory.myFactoryLookup.user", "a b"));
        FerryConnectionFactory f = (FerryConnectionFactory) ctx.lookup("myFactoryLookup");
        assertThat(f.getUrl()).as("the URL as given; the option is set beside it").isEqualTo("vm://b2");
        assertThat(f.getUser()).isEqualTo("a b");
        assertThat(f).isEqualTo(new FerryConnectionFactory("vm://b2?user=a+b"));
    }

    @Test
    @DisplayName("Administered objects: a Qpid factory property for an undefined factory fails with the key named")
    void factoryPropertyWithoutFactory() {
        assertThatThrownBy(() -> context(Map.of("property.connectionfactory.nope.user", "u")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("property.connectionfactory.nope.user")
                .hasMessageContaining("nope");
    }

    @Test
    @DisplayName("Administered objects: an invalid factory URL fails creating the context, naming the factory")
    void invalidUrl() {
        assertThatThrownBy(() -> context(Map.of("connectionFactory.bad", "no-scheme")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad")
                .hasMessageContaining("no-scheme");
    }

    @Test
    @DisplayName("Administered objects: default ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory on vm://default")
    void defaultFactories() throws Exception {
        InitialContext ctx = context(Map.of());
        for (String name : List.of("ConnectionFactory", "QueueConnectionFactory", "TopicConnectionFactory")) {
            Object f = ctx.lookup(name);
            assertThat(f).isInstanceOf(ConnectionFactory.class).isInstanceOf(QueueConnectionFactory.class)
                    .isInstanceOf(TopicConnectionFactory.class);
            assertThat(url(f)).isEqualTo(FerryConnectionFactory.DEFAULT_URL);
        }
    }

    @Test
    @DisplayName("Administered objects: java.naming.provider.url is the default factories' URL; an explicit definition wins")
    void providerUrl() throws Exception {
        InitialContext ctx = context(Map.of(
                Context.PROVIDER_URL, "vm://provided",
                "connectionFactory.ConnectionFactory", "vm://explicit"));
        assertThat(url(ctx.lookup("ConnectionFactory"))).isEqualTo("vm://explicit");
        assertThat(url(ctx.lookup("QueueConnectionFactory"))).isEqualTo("vm://provided");
        assertThat(url(ctx.lookup("TopicConnectionFactory"))).isEqualTo("vm://provided");
    }

    @Test
    @DisplayName("Administered objects: queue.<name> and topic.<name> bind destinations, also with '/' in the name")
    void destinations() throws Exception {
        InitialContext ctx = context(Map.of(
                "queue.queue/exampleQueue", "exampleQueue",
                "queue.orders", "ORDERS",
                "topic.prices", "PRICES"));
        assertThat(ctx.lookup("orders")).isInstanceOf(Queue.class).isEqualTo(new FerryQueue("ORDERS"));
        assertThat(((Queue) ctx.lookup("orders")).getQueueName()).isEqualTo("ORDERS");
        assertThat(ctx.lookup("prices")).isInstanceOf(Topic.class).isEqualTo(new FerryTopic("PRICES"));
        assertThat(ctx.lookup("queue/exampleQueue")).isEqualTo(new FerryQueue("exampleQueue"));
        Object sub = ctx.lookup("queue");
        assertThat(sub).isInstanceOf(Context.class);
        assertThat(((Context) sub).lookup("exampleQueue")).isEqualTo(new FerryQueue("exampleQueue"));
        assertThat(((Context) sub).getNameInNamespace()).isEqualTo("queue");
    }

    @Test
    @DisplayName("Administered objects: an empty destination name fails creating the context, naming the key")
    void emptyDestinationName() {
        assertThatThrownBy(() -> context(Map.of("queue.q", "")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queue.q");
    }

    @Test
    @DisplayName("Administered objects: dynamicQueues/<name> and dynamicTopics/<name> make destinations on lookup")
    void dynamicDestinations() throws Exception {
        InitialContext ctx = context(Map.of());
        assertThat(ctx.lookup("dynamicQueues/a.b")).isEqualTo(new FerryQueue("a.b"));
        assertThat(ctx.lookup("dynamicTopics/t")).isEqualTo(new FerryTopic("t"));
        assertThat(ctx.lookup(new CompositeName("dynamicQueues/x"))).isEqualTo(new FerryQueue("x"));
    }

    @Test
    @DisplayName("Administered objects: an unknown name throws NameNotFoundException naming it")
    void unknownName() throws Exception {
        InitialContext ctx = context(Map.of("queue.orders", "ORDERS"));
        assertThatThrownBy(() -> ctx.lookup("nothing/here"))
                .isInstanceOf(NameNotFoundException.class).hasMessageContaining("nothing/here");
        assertThatThrownBy(() -> ctx.lookup("orders2"))
                .isInstanceOf(NameNotFoundException.class).hasMessageContaining("orders2");
    }

    @Test
    @DisplayName("Administered objects: the context is read-only (OperationNotSupportedException)")
    void readOnly() throws Exception {
        InitialContext ctx = context(Map.of("queue.orders", "ORDERS"));
        Object q = new FerryQueue("x");
        List<ThrowingCall> calls = List.of(
                () -> ctx.bind("x", q), () -> ctx.bind(new CompositeName("x"), q),
                () -> ctx.rebind("orders", q), () -> ctx.rebind(new CompositeName("orders"), q),
                () -> ctx.unbind("orders"), () -> ctx.unbind(new CompositeName("orders")),
                () -> ctx.rename("orders", "y"), () -> ctx.rename(new CompositeName("orders"), new CompositeName("y")),
                () -> ctx.createSubcontext("sub"), () -> ctx.createSubcontext(new CompositeName("sub")),
                () -> ctx.destroySubcontext("sub"), () -> ctx.destroySubcontext(new CompositeName("sub")));
        for (ThrowingCall call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("read-only");
        }
        assertThat(ctx.lookup("orders")).isEqualTo(new FerryQueue("ORDERS"));
    }

    @Test
    @DisplayName("Administered objects: list and listBindings show bindings and sub-contexts")
    void list() throws Exception {
        InitialContext ctx = context(Map.of(
                "queue.jms/orders", "ORDERS",
                "topic.jms/prices", "PRICES",
                "queue.plain", "PLAIN"));
        List<String> names = new ArrayList<>();
        NamingEnumeration<NameClassPair> pairs = ctx.list("");
        while (pairs.hasMore()) {
            names.add(pairs.next().getName());
        }
        assertThat(names).containsExactlyInAnyOrder(
                "ConnectionFactory", "QueueConnectionFactory", "TopicConnectionFactory", "jms", "plain");

        List<Object> objects = new ArrayList<>();
        NamingEnumeration<Binding> bindings = ctx.listBindings("jms");
        while (bindings.hasMore()) {
            Binding b = bindings.next();
            objects.add(b.getObject());
            assertThat(b.getName()).isIn("orders", "prices");
        }
        assertThat(objects).containsExactlyInAnyOrder(new FerryQueue("ORDERS"), new FerryTopic("PRICES"));

        NamingEnumeration<NameClassPair> sub = ctx.list(new CompositeName("jms"));
        assertThat(sub.next().getClassName()).isIn(FerryQueue.class.getName(), FerryTopic.class.getName());
        assertThatThrownBy(() -> ctx.list("plain")).isInstanceOf(NotContextException.class);
    }

    @Test
    @DisplayName("Administered objects: lookup(\"\") returns a new context with the same bindings")
    void lookupEmpty() throws Exception {
        InitialContext ctx = context(Map.of("queue.orders", "ORDERS"));
        Object root = ctx.lookup("");
        assertThat(root).isInstanceOf(Context.class).isNotSameAs(ctx.lookup(""));
        assertThat(((Context) root).lookup("orders")).isEqualTo(new FerryQueue("ORDERS"));
    }

    @Test
    @DisplayName("Administered objects: names may be given as CompositeName")
    void compositeNames() throws Exception {
        InitialContext ctx = context(Map.of("queue.jms/orders", "ORDERS", "connectionFactory.cf", "vm://c"));
        assertThat(ctx.lookup(new CompositeName("jms/orders"))).isEqualTo(new FerryQueue("ORDERS"));
        assertThat(url(ctx.lookup(new CompositeName("cf")))).isEqualTo("vm://c");
        assertThat(((Context) ctx.lookup("")).composeName("orders", "jms")).isEqualTo("jms/orders");
    }

    @Test
    @DisplayName("Administered objects: an Artemis-style jndi.properties works after changing only factory class and URLs")
    void artemisStyleProperties() throws Exception {
        InitialContext ctx = context(Map.of(
                "connectionFactory.invmConnectionFactory", "vm://0",
                "queue.queue/exampleQueue", "exampleQueue",
                "topic.topic/exampleTopic", "exampleTopic",
                "java.naming.security.principal", "ignored"));
        assertThat(url(ctx.lookup("invmConnectionFactory"))).isEqualTo("vm://0");
        assertThat(ctx.lookup("queue/exampleQueue")).isEqualTo(new FerryQueue("exampleQueue"));
        assertThat(ctx.lookup("topic/exampleTopic")).isEqualTo(new FerryTopic("exampleTopic"));
        assertThat(url(ctx.lookup("ConnectionFactory"))).isEqualTo("vm://default");
    }

    @Test
    @DisplayName("Administered objects: the environment is kept and can be changed without changing bindings")
    void environment() throws Exception {
        InitialContext ctx = context(Map.of("queue.orders", "ORDERS"));
        Context root = (Context) ctx.lookup("");
        assertThat(root.getEnvironment().get("queue.orders")).isEqualTo("ORDERS");
        root.addToEnvironment("x", "y");
        assertThat(root.getEnvironment().get("x")).isEqualTo("y");
        root.removeFromEnvironment("x");
        assertThat(root.getEnvironment().containsKey("x")).isFalse();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
