package dev.ferrymq.cdi.inject;

import dev.ferrymq.cdi.FerryQueue;
import dev.ferrymq.cdi.FerryTopic;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/**
 * Produces what applications inject. {@code @JMSConnectionFactory} is turned into a qualifier with a
 * non-binding value by the extension, so that {@code @JMSConnectionFactory("x")} injection points
 * come here whatever the name.
 *
 * <p>Injected {@code JMSContext}: inside an active request scope, the request's context for the
 * injection point's annotations (shared by equal annotations, closed when the request ends);
 * otherwise one context per injection point and thread, closed when the bean holding the injection
 * point is destroyed or the container shuts down.
 */
@Dependent
public class JmsProducers {

    @Inject
    ConnectionFactoryResolver factories;

    @Inject
    RequestContexts requestContexts;

    @Inject
    OpenContexts openContexts;

    @Inject
    BeanManager beanManager;

    @Produces
    @Dependent
    JMSContext context(InjectionPoint injectionPoint) {
        return inject(injectionPoint);
    }

    @Produces
    @Dependent
    @JMSConnectionFactory("")
    JMSContext namedContext(InjectionPoint injectionPoint) {
        return inject(injectionPoint);
    }

    void dispose(@Disposes JMSContext context) {
        release(context);
    }

    void disposeNamed(@Disposes @JMSConnectionFactory("") JMSContext context) {
        release(context);
    }

    @Produces
    @Dependent
    @JMSConnectionFactory("")
    ConnectionFactory namedFactory(InjectionPoint injectionPoint) {
        return factories.get(injectionPoint.getAnnotated().getAnnotation(JMSConnectionFactory.class).value());
    }

    @Produces
    @Dependent
    @FerryQueue("")
    Queue queue(InjectionPoint injectionPoint) {
        String name = injectionPoint.getAnnotated().getAnnotation(FerryQueue.class).value();
        return Destinations.queue(name, factories.defaultFactory());
    }

    @Produces
    @Dependent
    @FerryTopic("")
    Topic topic(InjectionPoint injectionPoint) {
        String name = injectionPoint.getAnnotated().getAnnotation(FerryTopic.class).value();
        return Destinations.topic(name, factories.defaultFactory());
    }

    private JMSContext inject(InjectionPoint injectionPoint) {
        ContextKey key = ContextKey.of(injectionPoint.getAnnotated());
        ThreadContexts perThread = new ThreadContexts(key, factories);
        openContexts.add(perThread);
        return new InjectedJMSContext(perThread, () -> requestActive() ? requestContexts.get(key) : perThread.current(),
                InjectionPoints.describe(injectionPoint));
    }

    private void release(JMSContext context) {
        if (context instanceof InjectedJMSContext managed) {
            managed.perThread.closeAll();
            openContexts.remove(managed.perThread);
        }
    }

    private boolean requestActive() {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
