package dev.ferrymq.client;

import dev.ferrymq.client.message.MessageAcknowledger;
import dev.ferrymq.spi.Delivery;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;

import java.util.function.BooleanSupplier;

/**
 * What {@code Message.acknowledge()} of a received message does ("Message acknowledgment"): the
 * session's acknowledge-all (a no-op outside CLIENT_ACKNOWLEDGE), or in INDIVIDUAL_ACKNOWLEDGE
 * (FerryMQ extension) the acknowledgement of that one delivery; refused with
 * IllegalStateException once the session or its connection is closed.
 *
 * <p>Thread-safe. {@link #forDelivery} is on the receive/dispatch path: outside INDIVIDUAL mode it
 * returns one shared acknowledger and allocates nothing.
 */
final class ReceivedMessageAcks {

    private final SessionEngine engine;
    private final BooleanSupplier closed;
    private final MessageAcknowledger all = this::acknowledgeAll;

    /**
     * @param closed whether the session or its connection is closed (by the application or the
     *               provider); called on the acknowledging thread, must not block
     */
    ReceivedMessageAcks(SessionEngine engine, BooleanSupplier closed) {
        this.engine = engine;
        this.closed = closed;
    }

    /** The acknowledger of the message made from {@code d}. */
    MessageAcknowledger forDelivery(Delivery d) {
        if (!engine.individual()) {
            return all;
        }
        return () -> {
            checkAllowed();
            engine.acknowledgeOne(d);
        };
    }

    private void acknowledgeAll() throws JMSException {
        checkAllowed();
        engine.acknowledgeAll();
    }

    private void checkAllowed() throws IllegalStateException {
        if (closed.getAsBoolean()) {
            throw new IllegalStateException("cannot acknowledge: the session that received the message is closed");
        }
    }
}
