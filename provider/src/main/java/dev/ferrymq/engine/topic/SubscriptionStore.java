package dev.ferrymq.engine.topic;

import dev.ferrymq.engine.queue.QueueStore;

/**
 * Where a {@link SubscriptionRegistry} records its durable subscriptions so they survive a
 * restart: implemented by the broker's store ({@code dev.ferrymq.engine.persistence.PersistentStore}).
 *
 * <p>Threading contract: called on the registry's executor; must not block.
 */
public interface SubscriptionStore {

    /** A durable subscription was created: written before any message routed to it is. */
    void created(Subscription s);

    /** A durable subscription was deleted (unsubscribe, or replaced by one with another topic or selector). */
    void removed(Subscription s);

    /** The store the subscriptions' queues write their messages to. */
    QueueStore queues();
}
