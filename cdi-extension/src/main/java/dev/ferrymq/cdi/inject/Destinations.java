package dev.ferrymq.cdi.inject;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/**
 * Resolves destination names: a JNDI binding of that name and type first, else the physical
 * destination of that name made by the given factory's provider. Thread-safe.
 */
public final class Destinations {

    private Destinations() {
    }

    public static Queue queue(String name, ConnectionFactory factory) {
        return Jndi.lookup(name, Queue.class).orElseGet(() -> {
            try (JMSContext context = factory.createContext()) {
                return context.createQueue(name);
            }
        });
    }

    public static Topic topic(String name, ConnectionFactory factory) {
        return Jndi.lookup(name, Topic.class).orElseGet(() -> {
            try (JMSContext context = factory.createContext()) {
                return context.createTopic(name);
            }
        });
    }
}
