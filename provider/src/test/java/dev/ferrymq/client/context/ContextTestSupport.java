package dev.ferrymq.client.context;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full-stack support: every test gets its own broker ({@code vm://context-test-N}) and its
 * contexts are closed afterwards.
 */
abstract class ContextTestSupport {

    /** Long enough for an in-JVM broker; tests never wait for it to pass in the good case. */
    static final long RECEIVE_TIMEOUT = 5_000;
    /** How long to wait when a message must NOT arrive. */
    static final long ABSENT_TIMEOUT = 200;

    private static final AtomicInteger BROKERS = new AtomicInteger();

    final String url = "vm://context-test-" + BROKERS.incrementAndGet();
    final FerryConnectionFactory factory = new FerryConnectionFactory(url);
    private final List<JMSContext> contexts = new ArrayList<>();
    private final AtomicInteger names = new AtomicInteger();

    JMSContext context() {
        return track(factory.createContext());
    }

    JMSContext context(int sessionMode) {
        return track(factory.createContext(sessionMode));
    }

    JMSContext track(JMSContext context) {
        contexts.add(context);
        return context;
    }

    Queue queue(JMSContext context) {
        return context.createQueue("q" + names.incrementAndGet());
    }

    Topic topic(JMSContext context) {
        return context.createTopic("t" + names.incrementAndGet());
    }

    @AfterEach
    void closeContexts() {
        for (JMSContext c : contexts) {
            c.close();
        }
    }
}
