package dev.ferrymq.client.destination;

import dev.ferrymq.spi.DestinationRef;

/**
 * Makes the FerryMQ destination of an engine reference (a received message's JMSDestination and
 * JMSReplyTo). Kept apart from {@link FerryDestination} so the base class knows none of its kinds.
 *
 * <p>Threading: stateless; any thread.
 */
public final class FerryDestinations {

    private FerryDestinations() {
    }

    /**
     * The FerryMQ destination for an engine reference. Temporary destinations made here have no
     * owning connection: they can be sent to, but {@code delete()} is refused.
     */
    public static FerryDestination of(DestinationRef ref) {
        if (ref == null) {
            return null;
        }
        return switch (ref.type()) {
            case QUEUE -> new FerryQueue(ref.name());
            case TOPIC -> new FerryTopic(ref.name());
            case TEMPORARY_QUEUE -> new FerryTemporaryQueue(ref.name(), null);
            case TEMPORARY_TOPIC -> new FerryTemporaryTopic(ref.name(), null);
        };
    }
}
