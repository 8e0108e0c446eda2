package dev.ferrymq.cdi.inject;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every injection point's per-thread contexts that are still open, so that the container's shutdown
 * closes those whose beans were never destroyed (a dependent bean looked up in a {@code main} and
 * dropped, for example). Thread-safe.
 */
@ApplicationScoped
public class OpenContexts {

    private final Set<ThreadContexts> open = ConcurrentHashMap.newKeySet();

    void add(ThreadContexts contexts) {
        open.add(contexts);
    }

    void remove(ThreadContexts contexts) {
        open.remove(contexts);
    }

    /** How many JMSContexts injected outside a request are open now (for tests and monitoring). */
    public int count() {
        return open.stream().mapToInt(ThreadContexts::openCount).sum();
    }

    @PreDestroy
    void closeAll() {
        open.forEach(ThreadContexts::closeAll);
        open.clear();
    }
}
