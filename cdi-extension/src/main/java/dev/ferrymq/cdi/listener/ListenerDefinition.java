package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.jms.Session;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A validated {@link JmsListener} method: everything that can be checked before connecting
 * (signature, scope, destination and subscription attributes, concurrency, session mode), read from
 * the Java method itself so that the portable and the build compatible extension share it. Immutable.
 *
 * @param id            {@code declaring.Class#method}, naming the listener in messages and statistics
 * @param bean          the bean whose instance receives the calls
 * @param method        the Java method
 * @param spec          the annotation
 * @param concurrency   the parsed concurrency range
 * @param bindings      one binding per parameter
 */
public record ListenerDefinition(String id, Bean<?> bean, Method method, JmsListener spec, Concurrency concurrency,
                                 List<ParameterBinding> bindings) {

    /** The definition, or empty with the problems (without the method's name) added to {@code problems}. */
    public static Optional<ListenerDefinition> of(Bean<?> bean, Method method, List<String> problems) {
        JmsListener spec = method.getAnnotation(JmsListener.class);
        int before = problems.size();
        checkBean(bean, method, problems);
        checkDestination(spec, problems);
        Concurrency concurrency = concurrency(spec, problems);
        checkSessionMode(spec, problems);
        List<ParameterBinding> bindings = bindings(method, problems);
        if (!BodyConversion.acceptsResult(method.getReturnType())) {
            problems.add("return type " + method.getReturnType().getName()
                    + " cannot become a reply (and no JSON-B implementation is on the class path)");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        method.setAccessible(true);
        return Optional.of(new ListenerDefinition(describe(method), bean, method, spec, concurrency, List.copyOf(bindings)));
    }

    /** {@code com.acme.Orders#onOrder(String)}. */
    public static String describe(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Whether the listener consumes from a topic. */
    public boolean onTopic() {
        return !spec.topic().isEmpty();
    }

    /** The queue or topic name as written. */
    public String destinationName() {
        return onTopic() ? spec.topic() : spec.queue();
    }

    private static void checkBean(Bean<?> bean, Method method, List<String> problems) {
        if (bean.getScope() != ApplicationScoped.class && bean.getScope() != Dependent.class) {
            problems.add("its bean is @" + bean.getScope().getSimpleName() + "; listener beans must be @ApplicationScoped or @Dependent");
        }
        if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
            problems.add("a listener method must be neither static nor private");
        }
    }

    private static void checkDestination(JmsListener spec, List<String> problems) {
        boolean queue = !spec.queue().isEmpty();
        boolean topic = !spec.topic().isEmpty();
        if (queue == topic) {
            problems.add("set exactly one of queue and topic");
            return;
        }
        if (queue && (spec.durable() || spec.shared() || !spec.subscription().isEmpty())) {
            problems.add("durable, shared and subscription apply to topics only, not to queue '" + spec.queue() + "'");
        }
        if (topic && (spec.durable() || spec.shared()) && spec.subscription().isEmpty()) {
            problems.add("a durable or shared subscription needs a subscription name");
        }
        if (topic && spec.durable() && !spec.shared() && spec.clientId().isEmpty()) {
            problems.add("an unshared durable subscription needs a clientId");
        }
    }

    private static Concurrency concurrency(JmsListener spec, List<String> problems) {
        try {
            Concurrency concurrency = Concurrency.parse(spec.concurrency());
            if (!spec.topic().isEmpty() && !spec.shared() && concurrency.max() > 1) {
                problems.add("concurrency '" + spec.concurrency() + "' on an unshared topic subscription would deliver each message "
                        + "to every consumer; use shared = true or concurrency 1");
            }
            return concurrency;
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static void checkSessionMode(JmsListener spec, List<String> problems) {
        int mode = spec.sessionMode();
        if (!spec.transacted() && mode != Session.AUTO_ACKNOWLEDGE && mode != Session.DUPS_OK_ACKNOWLEDGE
                && mode != Session.CLIENT_ACKNOWLEDGE) {
            problems.add("sessionMode " + mode + " is not AUTO_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE or CLIENT_ACKNOWLEDGE (use transacted = true for a transaction)");
        }
    }

    private static List<ParameterBinding> bindings(Method method, List<String> problems) {
        List<ParameterBinding> bindings = new ArrayList<>();
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        int bodies = 0;
        for (int position = 0; position < parameters.length; position++) {
            java.lang.reflect.Parameter parameter = parameters[position];
            boolean body = !parameter.isAnnotationPresent(dev.ferrymq.cdi.JmsHeader.class)
                    && !parameter.isAnnotationPresent(dev.ferrymq.cdi.JmsProperty.class);
            bodies += body ? 1 : 0;
            ParameterBinding.of(parameter, position, problems).ifPresent(bindings::add);
        }
        if (bodies > 1) {
            problems.add("it has " + bodies + " parameters without @JmsHeader or @JmsProperty; at most one receives the message or its body");
        }
        return bindings;
    }
}
