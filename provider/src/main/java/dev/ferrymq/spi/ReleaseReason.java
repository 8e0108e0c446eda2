package dev.ferrymq.spi;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Why the facade hands deliveries back that the application saw, and the failures that made it do
 * so. The engine counts the release as a delivery attempt (the redelivery policy's delay and
 * maximum apply) and keeps each delivery's failure ({@link #failureOf}), when it has one, as the
 * message's last failure, which a dead-lettered message carries in
 * {@link DeadLetterProperties#LAST_FAILURE}.
 *
 * <p>One release call may hand back deliveries that failed differently (a recover after two
 * listeners threw, and a third returned): {@code failures} names the failure of each delivery
 * that had its own, so one call keeps the order of the redelivered messages and each message
 * still gets its own text.
 *
 * @param cause    what released them
 * @param failure  the text of the failure behind the whole release (a listener's exception), or
 *                 {@code null}
 * @param failures the failure texts of single deliveries, looked up by identity; they take
 *                 precedence over {@code failure}; empty when none
 */
public record ReleaseReason(Cause cause, String failure, Map<Delivery, String> failures) {

    /** Copies {@code failures} into an unmodifiable identity map ({@code null}: none). */
    public ReleaseReason {
        failures = failures == null || failures.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new IdentityHashMap<>(failures));
    }

    /** A release whose deliveries all share {@code failure} (or have none: {@code null}). */
    public ReleaseReason(Cause cause, String failure) {
        this(cause, failure, Map.of());
    }

    /** What released the deliveries. */
    public enum Cause {
        /** {@code Session.recover()}. */
        RECOVER,
        /** A rollback of the local transaction. */
        ROLLBACK,
        /** A message listener threw a RuntimeException (AUTO/DUPS_OK redeliver at once). */
        LISTENER_FAILURE,
        /** The session, consumer or connection closed with the deliveries unacknowledged. */
        CLOSE,
        /** The consumer held the delivery longer than the acknowledgement timeout (engine-made). */
        ACK_TIMEOUT,
        /**
         * The facade could not turn the delivery into a JMS message (a body or property it
         * cannot decode), so the application never got it. It still counts as a delivery
         * attempt: a message no consumer can read ends in the dead-letter queue after
         * {@code maxDeliveryAttempts} instead of coming back forever. The release's failure
         * names the decoding failure.
         */
        UNREADABLE,
        /**
         * The facade found the message expired and never showed it: not a delivery attempt; the
         * engine treats it as expired (expiry queue or drop).
         */
        EXPIRED
    }

    public static ReleaseReason of(Cause cause) {
        return new ReleaseReason(cause, null);
    }

    /** The failure behind handing back {@code d}: its own in {@link #failures}, else {@link #failure}; or {@code null}. */
    public String failureOf(Delivery d) {
        if (!failures.isEmpty()) {
            String own = failures.get(d);
            if (own != null) {
                return own;
            }
        }
        return failure;
    }

    /**
     * Whether the release counts as a delivery attempt, so the next delivery counts one more: the
     * application saw the deliveries, or ({@link Cause#UNREADABLE}) they could not be given to it.
     */
    public boolean delivered() {
        return cause != Cause.EXPIRED;
    }

    /** The text of an exception for {@link #failure}: its class and message. */
    public static String describe(Throwable t) {
        return t == null ? null : t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
