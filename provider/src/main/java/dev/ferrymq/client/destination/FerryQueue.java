package dev.ferrymq.client.destination;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import jakarta.jms.Queue;

/**
 * A FerryMQ queue, named; created in the broker on first use.
 *
 * <p>Threading: immutable; any thread.
 */
public class FerryQueue extends FerryDestination implements Queue {

    private static final long serialVersionUID = 1L;

    public FerryQueue(String name) {
        this(DestinationType.QUEUE, name);
    }

    FerryQueue(DestinationType type, String name) {
        super(new DestinationRef(type, requireName(name)));
    }

    @Override
    public String getQueueName() {
        return ref().name();
    }
}
