package dev.ferrymq.client.destination;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import java.io.Serializable;
import java.util.Objects;

/** A FerryMQ destination: a name and a {@link DestinationType}. Immutable, equal by both. */
public abstract class FerryDestination implements Destination, Serializable {

    private static final long serialVersionUID = 1L;

    private final DestinationRef ref;

    FerryDestination(DestinationRef ref) {
        this.ref = Objects.requireNonNull(ref);
    }

    /** The engine's view of this destination. */
    public DestinationRef ref() {
        return ref;
    }

    /** {@code name}, unless it is null or empty: a destination needs a name. */
    static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("destination name must not be null or empty");
        }
        return name;
    }

    /**
     * The engine reference of a destination an application hands to a producer, consumer or
     * browser: it must be a FerryMQ destination, as with every provider (a destination is an
     * administered object of one provider).
     *
     * @throws InvalidDestinationException for {@code null} or another provider's destination
     */
    public static DestinationRef own(Destination destination) throws JMSException {
        if (destination instanceof FerryDestination f) {
            return f.ref;
        }
        if (destination == null) {
            throw new InvalidDestinationException("destination must not be null");
        }
        throw new InvalidDestinationException("destination " + destination + " (" + destination.getClass().getName()
                + ") is not a FerryMQ destination: create it with Session.createQueue/createTopic or look it up in FerryMQ's JNDI");
    }

    /**
     * The engine reference for any destination in a message header (JMSReplyTo): a FerryMQ one, or another provider's
     * {@link Queue}/{@link Topic} taken by its name ("foreign" destinations).
     *
     * @throws InvalidDestinationException for {@code null} or a destination that is neither a
     *                                     queue nor a topic
     */
    public static DestinationRef toRef(Destination destination) throws JMSException {
        if (destination instanceof FerryDestination f) {
            return f.ref;
        }
        if (destination == null) {
            throw new InvalidDestinationException("destination must not be null");
        }
        if (destination instanceof Queue q) {
            String name = q.getQueueName();
            if (name == null) {
                throw new InvalidDestinationException("queue " + destination + " has no name");
            }
            return new DestinationRef(destination instanceof jakarta.jms.TemporaryQueue
                    ? DestinationType.TEMPORARY_QUEUE : DestinationType.QUEUE, name);
        }
        if (destination instanceof Topic t) {
            String name = t.getTopicName();
            if (name == null) {
                throw new InvalidDestinationException("topic " + destination + " has no name");
            }
            return new DestinationRef(destination instanceof jakarta.jms.TemporaryTopic
                    ? DestinationType.TEMPORARY_TOPIC : DestinationType.TOPIC, name);
        }
        throw new InvalidDestinationException("unsupported destination " + destination.getClass().getName()
                + ": neither a Queue nor a Topic");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FerryDestination d && d.ref.equals(ref);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }

    @Override
    public String toString() {
        return ref.toString();
    }
}
