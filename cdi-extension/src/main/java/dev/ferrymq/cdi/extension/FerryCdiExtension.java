package dev.ferrymq.cdi.extension;

import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.inject.ConnectionFactoryResolver;
import dev.ferrymq.cdi.inject.ContextKey;
import dev.ferrymq.cdi.inject.DefaultFactoryBean;
import dev.ferrymq.cdi.inject.InjectionPoints;
import dev.ferrymq.cdi.inject.JmsProducers;
import dev.ferrymq.cdi.inject.OpenContexts;
import dev.ferrymq.cdi.inject.RequestContexts;
import dev.ferrymq.cdi.listener.ListenerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.util.Nonbinding;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * FerryMQ's portable CDI extension, registered through {@code META-INF/services}. Observers may be
 * called concurrently by some containers, so what they collect goes into concurrent collections.
 */
public class FerryCdiExtension implements Extension {

    static final List<Class<?>> BEANS = List.of(ConnectionFactoryResolver.class, RequestContexts.class,
            OpenContexts.class, JmsProducers.class, ListenerRegistry.class);

    private final Queue<InjectionPoint> injectionPoints = new ConcurrentLinkedQueue<>();
    private final Queue<ListenerMethod> listenerMethods = new ConcurrentLinkedQueue<>();
    private volatile boolean applicationDefaultFactory;

    private record ListenerMethod(Bean<?> bean, AnnotatedMethod<?> method) {
    }

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        event.configureQualifier(JMSConnectionFactory.class).methods().forEach(method -> method.add(Nonbinding.Literal.INSTANCE));
        for (Class<?> type : BEANS) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), FerryCdiExtension.class.getName() + "." + type.getSimpleName());
        }
    }

    /**
     * The extension adds its beans itself; a container that also scans this jar (OpenWebBeans SE with
     * discovery on does) would otherwise define each twice.
     */
    void vetoScannedCopies(@Observes @WithAnnotations({ApplicationScoped.class, RequestScoped.class, Dependent.class})
                           ProcessAnnotatedType<?> event) {
        if (!(event instanceof ProcessSyntheticAnnotatedType<?>) && BEANS.contains(event.getAnnotatedType().getJavaClass())) {
            event.veto();
        }
    }

    void collectInjectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint injectionPoint = event.getInjectionPoint();
        if (injectionPoint.getType() == JMSContext.class
                || injectionPoint.getType() == ConnectionFactory.class && injectionPoint.getAnnotated().isAnnotationPresent(JMSConnectionFactory.class)) {
            injectionPoints.add(injectionPoint);
        }
    }

    void collectFactoryBean(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (!BEANS.contains(bean.getBeanClass()) && bean.getTypes().contains(ConnectionFactory.class)
                && bean.getQualifiers().contains(Default.Literal.INSTANCE)) {
            applicationDefaultFactory = true;
        }
    }

    void collectListeners(@Observes ProcessManagedBean<?> event) {
        for (AnnotatedMethod<?> method : event.getAnnotatedBeanClass().getMethods()) {
            if (method.isAnnotationPresent(JmsListener.class)) {
                listenerMethods.add(new ListenerMethod(event.getBean(), method));
            }
        }
    }

    void addDefaultFactory(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        if (applicationDefaultFactory) {
            return;
        }
        event.addBean()
                .beanClass(ConnectionFactoryResolver.class)
                .types(ConnectionFactory.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE, DefaultFactoryBean.Literal.INSTANCE)
                .scope(Dependent.class)
                .produceWith(instance -> DeploymentCheck.reference(beanManager, ConnectionFactoryResolver.class).defaultFactory());
    }

    void validateAndStart(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        List<DeploymentCheck.FactoryUse> uses = new ArrayList<>();
        for (InjectionPoint injectionPoint : injectionPoints) {
            ContextKey key = ContextKey.of(injectionPoint.getAnnotated());
            uses.add(new DeploymentCheck.FactoryUse(key.factory(), injectionPoint.getType() == JMSContext.class, key.sessionMode(),
                    InjectionPoints.describe(injectionPoint)));
        }
        List<DeploymentCheck.ListenerMethod> listeners = new ArrayList<>();
        for (ListenerMethod listener : listenerMethods) {
            listeners.add(new DeploymentCheck.ListenerMethod(listener.bean(), listener.method().getJavaMember()));
        }
        DeploymentCheck.run(beanManager, uses, listeners)
                .forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
    }
}
