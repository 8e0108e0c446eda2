package dev.ferrymq.jndi;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import java.util.Hashtable;

/**
 * JNDI for FerryMQ without a naming server: a read-only, in-memory {@link Context} built from the
 * environment that {@code new InitialContext(env)} passes in (already merged with every
 * {@code jndi.properties} on the class path and the system properties).
 *
 * <p>Select it with {@code java.naming.factory.initial=dev.ferrymq.jndi.FerryInitialContextFactory}.
 * The environment keys are those of Apache ActiveMQ Artemis and Apache Qpid JMS, so an existing
 * {@code jndi.properties} of either works after changing only the factory class and the URLs:
 *
 * <table>
 * <caption>Environment keys</caption>
 * <tr><th>key</th><th>binds</th></tr>
 * <tr><td>{@code connectionFactory.<name>=<url>} (Artemis), {@code connectionfactory.<name>=<url>} (Qpid)</td>
 *     <td>{@code <name>} to a {@code new FerryConnectionFactory(url)}; options such as
 *     {@code vm://b?user=u&password=p} pass through in the URL</td></tr>
 * <tr><td>{@code property.connectionfactory.<name>.<option>=<value>} (Qpid)</td>
 *     <td>adds {@code option=value} to the query of that factory's URL</td></tr>
 * <tr><td>{@code queue.<name>=<queue name>}</td><td>{@code <name>} to a {@code FerryQueue}</td></tr>
 * <tr><td>{@code topic.<name>=<topic name>}</td><td>{@code <name>} to a {@code FerryTopic}</td></tr>
 * <tr><td>{@code java.naming.provider.url=<url>}</td>
 *     <td>the URL of the default factories (otherwise {@code vm://default})</td></tr>
 * </table>
 *
 * <p>Always bound unless a {@code connectionFactory.} key defines the same name:
 * {@code ConnectionFactory}, {@code QueueConnectionFactory} and {@code TopicConnectionFactory}, all
 * to the default URL. Looking up {@code dynamicQueues/<queue name>} or
 * {@code dynamicTopics/<topic name>} makes the destination on the fly. Names may contain
 * {@code /} (e.g. {@code queue.jms/orders=orders}): {@code jms} is then a sub-context. Every other
 * key is ignored, so Artemis- or Qpid-only keys do no harm.
 *
 * <p>The context refuses changes ({@code bind}, {@code rebind}, {@code unbind}, {@code rename},
 * {@code createSubcontext}, {@code destroySubcontext}: {@link javax.naming.OperationNotSupportedException}).
 * A bad URL or destination name fails {@code getInitialContext} with a {@link NamingException}
 * naming the key. Thread-safe: the bindings never change after creation.
 */
public final class FerryInitialContextFactory implements InitialContextFactory {

    /** The factory {@code InitialContext} makes from {@code java.naming.factory.initial} by class name. */
    public FerryInitialContextFactory() {
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Hashtable<Object, Object> env = environment == null ? new Hashtable<>() : new Hashtable<>(environment);
        return new FerryNamingContext(JndiBindings.from(env), "", env);
    }
}
