package dev.ferrymq.spi;

/**
 * Why the facade hands deliveries back that the application saw, and the failure that made it do
 * so. The engine counts the release as a delivery attempt (the redelivery policy's delay and
 * maximum apply) and keeps {@code failure} as the message's last failure, which a dead-lettered
 * message carries in {@link DeadLetterProperties#LAST_FAILURE}.
 *
 * @param cause   what released them
 * @param failure the text of the failure behind the release (a listener's exception), or {@code null}
 */
public record ReleaseReason(Cause cause, String failure) {

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
         * The facade found the message expired and never showed it: not a delivery attempt; the
         * engine treats it as expired (expiry queue or drop).
         */
        EXPIRED
    }

    public static ReleaseReason of(Cause cause) {
        return new ReleaseReason(cause, null);
    }

    /** Whether the application saw the deliveries, so their next delivery counts one more. */
    public boolean delivered() {
        return cause != Cause.EXPIRED;
    }

    /** The text of an exception for {@link #failure}: its class and message. */
    public static String describe(Throwable t) {
        return t == null ? null : t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
