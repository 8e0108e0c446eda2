package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.CdiOption;
import dev.ferrymq.cdi.inject.ConnectionFactoryResolver;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running listeners of the application. The extension starts them once the deployment is
 * valid; they stop when the application context is about to be destroyed (before any
 * application-scoped listener bean goes away), or at the latest when this bean is destroyed.
 * Thread-safe.
 */
@ApplicationScoped
public class ListenerRegistry {

    private static final System.Logger LOG = System.getLogger(ListenerRegistry.class.getName());

    private final Map<String, ListenerContainer> containers = new ConcurrentHashMap<>();
    private final List<CreationalContext<?>> instances = new ArrayList<>();

    @Inject
    BeanManager beanManager;

    @Inject
    ConnectionFactoryResolver factories;

    /**
     * Starts every listener; returns the problems (each naming its method) and, when there is any,
     * stops those already started so that a failed deployment leaves nothing running.
     */
    public synchronized List<String> start(List<ListenerDefinition> definitions) {
        List<String> problems = new ArrayList<>();
        ContainerSettings settings = ContainerSettings.fromOptions();
        for (ListenerDefinition definition : definitions) {
            Optional<ConnectionFactory> factory = factories.find(definition.spec().connectionFactory());
            if (factory.isEmpty()) {
                problems.add("@JmsListener method " + definition.id() + ": no connection factory named '"
                        + definition.spec().connectionFactory() + "' (neither a @Named ConnectionFactory bean nor a JNDI binding)");
                continue;
            }
            try {
                ListenerContainer container = new ListenerContainer(definition, factory.get(), target(definition.bean()),
                        settings);
                container.start();
                containers.put(definition.id(), container);
            } catch (JMSException | JMSRuntimeException | IllegalArgumentException e) {
                problems.add("@JmsListener method " + definition.id() + " cannot start: " + e);
            }
        }
        if (!problems.isEmpty()) {
            stopAll();
        }
        return problems;
    }

    /** The running listener of that id ({@code declaring.Class#method(ParameterTypes)}). */
    public Optional<ListenerContainer> listener(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    /** Every running listener. */
    public List<ListenerContainer> listeners() {
        return List.copyOf(containers.values());
    }

    void beforeApplicationContextDestroyed(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopAll();
    }

    /** Stops every listener: no new deliveries, running calls finish within the shutdown timeout. */
    @PreDestroy
    public synchronized void stopAll() {
        if (containers.isEmpty() && instances.isEmpty()) {
            return;
        }
        long timeout = CdiOption.SHUTDOWN_TIMEOUT.longValue();
        List<ListenerContainer> running = List.copyOf(containers.values());
        containers.clear();
        running.forEach(ListenerContainer::beginStop);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeout);
        running.forEach(container -> container.finishStop(deadline));
        instances.forEach(CreationalContext::release);
        instances.clear();
        LOG.log(System.Logger.Level.DEBUG, "stopped " + running.size() + " listeners");
    }

    private Object target(Bean<?> bean) {
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        instances.add(context);
        return beanManager.getReference(bean, bean.getBeanClass(), context);
    }
}
