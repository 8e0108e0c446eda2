package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.client.destination.FerryTemporaryQueue;
import dev.ferrymq.client.destination.FerryTemporaryTopic;
import dev.ferrymq.client.destination.TemporaryDestinationOwner;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.DestinationRef;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

/**
 * The facade's checks before a consumer or browser is created ("Creating a consumer on a
 * queue", "Creating a consumer on a topic", "Creating temporary destinations"); the engine checks
 * the rest (selector syntax, subscription conflicts). Stateless.
 */
final class ConsumerRules {

    private ConsumerRules() {
    }

    /** A selector as the engine takes it: null or blank means none. */
    static String selector(String selector) {
        return selector == null || selector.isBlank() ? null : selector;
    }

    static String subscriptionName(String name) throws InvalidDestinationException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("subscription name must not be null or empty");
        }
        return name;
    }

    /**
     * The engine's description of a new consumer of the connection {@code ownConnection} (the owner
     * its own temporary destinations name).
     *
     * @throws InvalidDestinationException for a null destination, another connection's temporary
     *                                     destination, a subscription on a queue or a durable
     *                                     subscription on a temporary topic
     */
    static ConsumerInfo info(TemporaryDestinationOwner ownConnection, Destination destination, String selector,
                             boolean noLocal, String subscription, boolean durable, boolean shared, int prefetch)
            throws JMSException {
        DestinationRef ref = FerryDestination.own(destination);
        TemporaryDestinationOwner owner = destination instanceof FerryTemporaryQueue q ? q.owner()
                : destination instanceof FerryTemporaryTopic t ? t.owner() : null;
        if (owner != null && owner != ownConnection) {
            throw new InvalidDestinationException("temporary destination " + destination
                    + " belongs to another connection: only its own connection may consume from it");
        }
        if (subscription != null && ref.isQueue()) {
            throw new InvalidDestinationException("subscriptions are for topics, not queue " + ref.name());
        }
        if (durable && ref.isTemporary()) {
            throw new InvalidDestinationException("a durable subscription cannot be made on temporary topic " + ref.name());
        }
        return new ConsumerInfo(ref, selector(selector), noLocal, subscription, durable, shared, prefetch);
    }
}
