package dev.ferrymq.spi;

/**
 * Where an engine consumer pushes its deliveries. Called on an engine thread, one call at a time
 * per consumer, in delivery order; implementations must not block or call application code
 * (they queue the delivery and wake a receiver or the session's delivery task).
 */
public interface DeliverySink {

    void onDelivery(Delivery delivery);

    /**
     * The engine closed the consumer on its own (its temporary destination was deleted, its
     * subscription was removed, or its broker stopped). No more deliveries follow.
     */
    default void onClosed(EngineException reason) {
    }
}
