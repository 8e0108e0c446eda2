package dev.ferrymq.cdi.extension;

import dev.ferrymq.cdi.inject.ConnectionFactoryResolver;
import dev.ferrymq.cdi.listener.ListenerDefinition;
import dev.ferrymq.cdi.listener.ListenerRegistry;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanContainer;
import jakarta.jms.JMSContext;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What both extensions do once the container is ready: check the factory names and session modes
 * of injection points, validate the listener methods and start them. Returns the problems, each
 * naming the injection point or method; when there is any, no listener is left running.
 */
final class DeploymentCheck {

    /**
     * A {@code JMSContext} or {@code @JMSConnectionFactory ConnectionFactory} injection point.
     *
     * @param factory     the {@code @JMSConnectionFactory} name, empty for none
     * @param context     whether it injects a {@code JMSContext}
     * @param sessionMode its {@code @JMSSessionMode}, {@link JMSContext#AUTO_ACKNOWLEDGE} by default
     * @param where       the injection point, for messages
     */
    record FactoryUse(String factory, boolean context, int sessionMode, String where) {
    }

    /** A {@code @JmsListener} method of a bean. */
    record ListenerMethod(Bean<?> bean, Method method) {
    }

    private DeploymentCheck() {
    }

    static List<String> run(BeanContainer container, Collection<FactoryUse> uses, Collection<ListenerMethod> listeners) {
        List<String> problems = new ArrayList<>();
        ConnectionFactoryResolver factories = reference(container, ConnectionFactoryResolver.class);
        for (FactoryUse use : uses) {
            if (!use.factory().isEmpty() && factories.find(use.factory()).isEmpty()) {
                problems.add("no connection factory named '" + use.factory() + "' (neither a @Named ConnectionFactory bean nor a JNDI binding) "
                        + "for the injection point " + use.where());
            }
            if (use.context() && use.sessionMode() != JMSContext.AUTO_ACKNOWLEDGE && use.sessionMode() != JMSContext.DUPS_OK_ACKNOWLEDGE) {
                problems.add("@JMSSessionMode(" + use.sessionMode() + ") at " + use.where()
                        + ": an injected JMSContext outside a JTA transaction may only be AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE "
                        + "(Jakarta Messaging 12.4.3)");
            }
        }
        List<ListenerDefinition> definitions = new ArrayList<>();
        for (ListenerMethod listener : listeners) {
            List<String> own = new ArrayList<>();
            ListenerDefinition.of(listener.bean(), listener.method(), own).ifPresent(definitions::add);
            String name = ListenerDefinition.describe(listener.method());
            own.forEach(problem -> problems.add("@JmsListener method " + name + ": " + problem));
        }
        if (problems.isEmpty()) {
            problems.addAll(reference(container, ListenerRegistry.class).start(definitions));
        }
        return problems;
    }

    /** A reference to the bean of that type. */
    static <T> T reference(BeanContainer container, Class<T> type) {
        Bean<?> bean = container.resolve(container.getBeans(type));
        return type.cast(container.getReference(bean, type, container.createCreationalContext(bean)));
    }
}
