package dev.ferrymq.client.destination;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import jakarta.jms.Topic;

/**
 * A FerryMQ topic, named; created in the broker on first use.
 *
 * <p>Threading: immutable; any thread.
 */
public class FerryTopic extends FerryDestination implements Topic {

    private static final long serialVersionUID = 1L;

    public FerryTopic(String name) {
        this(DestinationType.TOPIC, name);
    }

    FerryTopic(DestinationType type, String name) {
        super(new DestinationRef(type, requireName(name)));
    }

    @Override
    public String getTopicName() {
        return ref().name();
    }
}
