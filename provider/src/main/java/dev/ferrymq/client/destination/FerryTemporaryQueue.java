package dev.ferrymq.client.destination;

import dev.ferrymq.spi.DestinationType;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/**
 * A temporary queue; only the connection that created it ({@code owner}) consumes or deletes it.
 *
 * <p>Threading: immutable; deleting it is its owner connection's business. Any thread.
 */
public final class FerryTemporaryQueue extends FerryQueue implements TemporaryQueue {

    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    public FerryTemporaryQueue(String name, TemporaryDestinationOwner owner) {
        super(DestinationType.TEMPORARY_QUEUE, name);
        this.owner = owner;
    }

    /** The creating connection, or {@code null} when this object came from elsewhere (a JMSReplyTo). */
    public TemporaryDestinationOwner owner() {
        return owner;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException("temporary queue " + getQueueName()
                    + " can only be deleted through the connection that created it");
        }
        owner.deleteTemporaryDestination(ref());
    }
}
