package dev.ferrymq.spi;

/**
 * A consumer's engine side. Flow control is by credit: each delivery pushed to the sink uses one
 * credit; the facade grants more as the application consumes. Methods may be called from any thread.
 */
public interface EngineConsumer {

    /** Allows {@code credits} more deliveries. */
    void credit(int credits);

    /**
     * Stops pushing deliveries; once {@code done} completes, the sink receives nothing more until
     * {@link #resume()}. Used around recover, rollback and close so the facade can hand back what
     * it holds without a delivery racing it.
     */
    void suspend(Completion<Void> done);

    /** Undoes {@link #suspend}: deliveries resume within the credit the consumer has. */
    void resume();

    /**
     * Closes the consumer: no more deliveries. Deliveries it made that are still neither
     * acknowledged nor released stay with the session (CLIENT_ACKNOWLEDGE may still acknowledge
     * them) until the session acknowledges, releases or closes. A non-durable subscription is
     * removed when its last consumer closes.
     */
    void close(Completion<Void> done);
}
