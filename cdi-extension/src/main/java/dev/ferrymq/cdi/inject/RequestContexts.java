package dev.ferrymq.cdi.inject;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contexts of one CDI request: one per {@link ContextKey}, created on first use and closed when
 * the request ends (spec 12.4.4). A request runs on one thread at a time, but the map is concurrent
 * so that a request handed between threads stays safe.
 */
@RequestScoped
public class RequestContexts {

    private final Map<ContextKey, JMSContext> contexts = new ConcurrentHashMap<>();

    @Inject
    ConnectionFactoryResolver factories;

    /** The request's context for that key. */
    public JMSContext get(ContextKey key) {
        return contexts.computeIfAbsent(key, k -> k.open(factories));
    }

    @PreDestroy
    void closeAll() {
        contexts.values().forEach(JMSContext::close);
        contexts.clear();
    }
}
