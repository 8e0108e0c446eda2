package dev.ferrymq.client;

import dev.ferrymq.client.message.Messages;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.ReleaseReason;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.util.List;

/**
 * Turns a consumer's delivery into the JMS message the application gets, and deals with one
 * that cannot be turned into a message ({@link Messages#received} threw: a body or property the
 * facade cannot decode). Such a delivery never reaches the application and never joins the
 * session's unacknowledged messages, so no acknowledge or commit can consume it unseen; it goes
 * back to the engine as a failed delivery attempt ({@link ReleaseReason.Cause#UNREADABLE} with the
 * failure), so the destination's redelivery policy applies: redelivered (to any consumer, after
 * the redelivery delay), then moved to the dead-letter queue after {@code maxDeliveryAttempts}
 * with the failure in {@code JMS_FERRYMQ_LAST_FAILURE}. Neither a lost message nor one stuck with
 * its consumer until it closes. The caller tells the application: receive throws the returned
 * exception, a listener's connection reports it to its ExceptionListener.
 *
 * <p>Threading: stateless; called on the thread that took the delivery (a receiving application
 * thread or the session's delivery thread); never blocks (the hand-back is not waited for, a
 * failure of it goes to the connection's ExceptionListener, and the engine releases the delivery
 * anyway when the session closes).
 */
final class UnreadableDeliveries {

    private UnreadableDeliveries() {
    }

    /**
     * The message for {@code d}; when it cannot be made, {@code d} is handed back as described
     * above and the JMSException to tell the application is thrown.
     *
     * @param consumer names the consumer in the exception
     * @throws JMSException naming the message ID, the consumer and the decoding failure (as cause
     *                      and linked exception); {@code d} is already handed back
     */
    static Message message(ConsumerSession session, Object consumer, Delivery d) throws JMSException {
        try {
            return Messages.received(d.message(), d.deliveryCount(), session.acknowledgerFor(d),
                    session.connection().deserializationFilter());
        } catch (RuntimeException e) {
            throw handBack(session, consumer, d, e);
        }
    }

    private static JMSException handBack(ConsumerSession session, Object consumer, Delivery d, RuntimeException failure) {
        JMSException told = new JMSException("message " + d.message().messageId() + " could not be made into a JMS "
                + "message for " + consumer + " (" + ReleaseReason.describe(failure) + "); it goes back to the broker "
                + "as a failed delivery attempt: redelivered, or moved to the dead-letter queue after maxDeliveryAttempts");
        told.initCause(failure);
        told.setLinkedException(failure);
        SessionConnection connection = session.connection();
        ReleaseReason reason = new ReleaseReason(ReleaseReason.Cause.UNREADABLE, ReleaseReason.describe(failure));
        try {
            session.engine().start((e, done) -> e.release(List.of(d), reason, done), new Completion<Void>() {
                @Override
                public void complete(Void result) {
                }

                @Override
                public void fail(EngineException error) {
                    connection.reportAsync(error);
                }
            });
        } catch (JMSException e) {
            told.addSuppressed(e);
        }
        return told;
    }
}
