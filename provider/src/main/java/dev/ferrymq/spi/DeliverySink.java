package dev.ferrymq.spi;

/**
 * Where an engine consumer pushes its deliveries. Called on an engine thread, one call at a time
 * per consumer, in delivery order; implementations must not block or call application code
 * (they queue the delivery and wake a receiver or the session's delivery task).
 */
public interface DeliverySink {

    void onDelivery(Delivery delivery);

    /**
     * Deliveries this consumer made that the application saw, redelivered to it by
     * {@link EngineSession#redeliver}: each with its delivery count one more, in delivery order.
     * They come before every delivery pushed earlier and not yet consumed, and use no new credit.
     * Same threading rules as {@link #onDelivery}.
     */
    void onRedelivery(java.util.List<Delivery> redeliveries);

    /**
     * The engine closed the consumer on its own (its temporary destination was deleted, its
     * subscription was removed, or its broker stopped). No more deliveries follow. Same threading
     * rules as {@link #onDelivery}.
     *
     * @param reason of kind {@link EngineException.Kind#ILLEGAL_STATE ILLEGAL_STATE} when the
     *               consumer's connection is closed with it (its broker stopped; the connection's
     *               {@link ConnectionListener} is told too, before or after this call), of another
     *               kind (INVALID_DESTINATION) when only this consumer is closed
     */
    default void onClosed(EngineException reason) {
    }
}
