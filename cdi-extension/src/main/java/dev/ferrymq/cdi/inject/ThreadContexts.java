package dev.ferrymq.cdi.inject;

import jakarta.jms.JMSContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contexts of one injection point outside any request: one per thread that uses it, so that the
 * single-threaded {@code JMSContext} is never shared between threads. A thread's context lives until
 * the injection point's bean is destroyed, the container shuts down, or, after the thread ended, the
 * next time another thread opens a context here. Thread-safe.
 */
final class ThreadContexts {

    private final ContextKey key;
    private final ConnectionFactoryResolver factories;
    private final Map<Thread, JMSContext> contexts = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ThreadContexts(ContextKey key, ConnectionFactoryResolver factories) {
        this.key = key;
        this.factories = factories;
    }

    /** The calling thread's context, opened on first use. */
    JMSContext current() {
        if (closed) {
            throw new jakarta.jms.IllegalStateRuntimeException("the bean this JMSContext was injected into has been destroyed");
        }
        Thread thread = Thread.currentThread();
        JMSContext context = contexts.get(thread);
        if (context != null) {
            return context;
        }
        closeThoseOfEndedThreads();
        context = contexts.computeIfAbsent(thread, t -> key.open(factories));
        if (closed) {
            closeAll();
            throw new jakarta.jms.IllegalStateRuntimeException("the bean this JMSContext was injected into has been destroyed");
        }
        return context;
    }

    int openCount() {
        return contexts.size();
    }

    /** Closes every thread's context; later use fails. */
    void closeAll() {
        closed = true;
        contexts.keySet().forEach(this::close);
    }

    private void closeThoseOfEndedThreads() {
        contexts.keySet().stream().filter(thread -> !thread.isAlive()).forEach(this::close);
    }

    private void close(Thread thread) {
        JMSContext context = contexts.remove(thread);
        if (context != null) {
            context.close();
        }
    }
}
