package dev.ferrymq.client.destination;

import dev.ferrymq.spi.DestinationRef;
import jakarta.jms.JMSException;

/**
 * The connection that created a temporary destination and alone may delete it.
 *
 * <p>Threading: implementations are thread-safe.
 */
public interface TemporaryDestinationOwner {

    /**
     * Deletes the destination.
     *
     * @throws jakarta.jms.IllegalStateException when a consumer is still open on it or the
     *                                           connection is closed
     */
    void deleteTemporaryDestination(DestinationRef destination) throws JMSException;
}
