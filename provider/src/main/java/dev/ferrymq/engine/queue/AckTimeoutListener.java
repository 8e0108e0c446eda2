package dev.ferrymq.engine.queue;

/**
 * Implemented by a consumer's owner (the engine session) to hear that a delivery it held was taken
 * back because it stayed unacknowledged longer than the queue's acknowledgement timeout. Called on
 * the queue's executor: must be quick and must not block.
 *
 * <p>Threading: called on the queue's serial executor; implementations must not block.
 */
@FunctionalInterface
public interface AckTimeoutListener {

    void ackTimedOut(String queueName, String messageId, long timeoutMillis);
}
