package dev.ferrymq.engine.queue;

/**
 * Told when a queue (a queue destination, a temporary queue or a topic subscription's queue) is
 * created and when it is deleted: management registers and unregisters its MBean and meters.
 *
 * <p>Threading contract: {@link #created} runs on the thread creating the queue, once it is
 * constructed (possibly before it is published); {@link #deleted} on the queue's executor, once.
 * Implementations must be thread-safe, quick and must not call back into the queue synchronously.
 */
public interface QueueObserver {

    void created(MessageQueue queue);

    void deleted(MessageQueue queue);
}
