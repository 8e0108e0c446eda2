package dev.ferrymq.cdi.inject;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.cdi.CdiOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds the connection factory a {@code @JMSConnectionFactory} name means, in this order:
 * <ol>
 *   <li>an empty name or {@code java:comp/DefaultJMSConnectionFactory}: the default factory, which is
 *       the application's own {@code @Default ConnectionFactory} bean if it has one, else a
 *       {@link FerryConnectionFactory} for {@link CdiOption#URL};</li>
 *   <li>a CDI bean of type {@code ConnectionFactory} with {@code @Named} that name;</li>
 *   <li>a {@code ConnectionFactory} JNDI binds under that name.</li>
 * </ol>
 * Results are cached for the life of the container. Thread-safe.
 */
@ApplicationScoped
public class ConnectionFactoryResolver {

    /** The Jakarta EE name of the platform default factory. */
    public static final String DEFAULT_JNDI_NAME = "java:comp/DefaultJMSConnectionFactory";

    private final Map<String, ConnectionFactory> resolved = new ConcurrentHashMap<>();

    @Inject
    BeanManager beanManager;

    /** The default factory. */
    public ConnectionFactory defaultFactory() {
        return resolved.computeIfAbsent("", ignored -> createDefault());
    }

    /** The factory of that name, if any of the three sources has it. */
    public Optional<ConnectionFactory> find(String name) {
        if (name == null || name.isEmpty() || DEFAULT_JNDI_NAME.equals(name)) {
            return Optional.of(defaultFactory());
        }
        ConnectionFactory cached = resolved.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ConnectionFactory> found = namedBean(name).or(() -> Jndi.lookup(name, ConnectionFactory.class));
        found.ifPresent(factory -> resolved.putIfAbsent(name, factory));
        return found;
    }

    /** The factory of that name; fails naming it when there is none (deployment validation rules this out). */
    public ConnectionFactory get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("no connection factory named '" + name
                + "': neither a @Named ConnectionFactory bean nor a JNDI binding"));
    }

    private ConnectionFactory createDefault() {
        Set<Bean<?>> applicationDefaults = beanManager.getBeans(ConnectionFactory.class, Default.Literal.INSTANCE).stream()
                .filter(bean -> !bean.getQualifiers().contains(DefaultFactoryBean.Literal.INSTANCE))
                .collect(Collectors.toSet());
        if (applicationDefaults.isEmpty()) {
            return new FerryConnectionFactory(CdiOption.URL.value());
        }
        return reference(applicationDefaults);
    }

    private Optional<ConnectionFactory> namedBean(String name) {
        Set<Bean<?>> beans = beanManager.getBeans(ConnectionFactory.class, NamedLiteral.of(name));
        return beans.isEmpty() ? Optional.empty() : Optional.of(reference(beans));
    }

    private ConnectionFactory reference(Set<Bean<?>> beans) {
        Bean<?> bean = beanManager.resolve(beans);
        return (ConnectionFactory) beanManager.getReference(bean, ConnectionFactory.class, beanManager.createCreationalContext(bean));
    }
}
