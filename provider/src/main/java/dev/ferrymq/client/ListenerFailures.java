package dev.ferrymq.client;

import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.ReleaseReason;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The listener failures a CLIENT, INDIVIDUAL or transacted session remembers with the deliveries
 * it still holds unacknowledged ("Receiving messages asynchronously": the delivery whose listener
 * threw stays with the session), by delivery (identity), so that the later recover, rollback or
 * close tells the engine each delivery's own failure ({@link ReleaseReason#failures}). Acknowledging
 * or committing a delivery forgets its failure. The map is created when a listener first throws,
 * so a session whose listeners never throw pays nothing.
 *
 * <p>Threading: not thread-safe. Its only user, {@link SessionEngine}, calls every method while
 * holding its {@code ackLock}, the lock that also guards taking deliveries from its
 * {@link Unacknowledged}; that is what keeps a failure and its delivery together.
 */
final class ListenerFailures {

    /** {@code null} until a listener throws, and again after {@link #take()}. */
    private Map<Delivery, String> failures;

    /** Remembers {@code failure} for {@code d}, which the session still holds (caller checked, under ackLock). */
    void remember(Delivery d, String failure) {
        if (failures == null) {
            failures = new IdentityHashMap<>();
        }
        failures.put(d, failure);
    }

    /** {@code d} was acknowledged alone (INDIVIDUAL): its failure, if any, is forgotten. */
    void forget(Delivery d) {
        if (failures != null) {
            failures.remove(d);
        }
    }

    /**
     * Takes the remembered failures after a drain of everything unacknowledged: every one belongs
     * to a delivery just drained, as failures are remembered only for deliveries held, under the
     * same lock. {@code null} when there are none.
     */
    Map<Delivery, String> take() {
        Map<Delivery, String> taken = failures;
        failures = null;
        return taken;
    }

    /** The reason for a hand-back, with the failures of the deliveries whose listeners threw ({@code null}: none). */
    static ReleaseReason reason(ReleaseReason.Cause cause, Map<Delivery, String> failed) {
        return failed == null ? ReleaseReason.of(cause) : new ReleaseReason(cause, null, failed);
    }
}
