package dev.ferrymq.client.destination;

import dev.ferrymq.spi.DestinationType;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/**
 * A temporary topic; only the connection that created it ({@code owner}) consumes or deletes it.
 *
 * <p>Threading: immutable; deleting it is its owner connection's business. Any thread.
 */
public final class FerryTemporaryTopic extends FerryTopic implements TemporaryTopic {

    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    public FerryTemporaryTopic(String name, TemporaryDestinationOwner owner) {
        super(DestinationType.TEMPORARY_TOPIC, name);
        this.owner = owner;
    }

    /** The creating connection, or {@code null} when this object came from elsewhere (a JMSReplyTo). */
    public TemporaryDestinationOwner owner() {
        return owner;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException("temporary topic " + getTopicName()
                    + " can only be deleted through the connection that created it");
        }
        owner.deleteTemporaryDestination(ref());
    }
}
