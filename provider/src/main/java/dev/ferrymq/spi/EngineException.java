package dev.ferrymq.spi;

/**
 * An engine failure. Its {@link Kind} names the JMS exception it becomes in the facade, so the
 * engine never imports {@code jakarta.jms} and translation happens in one place
 * ({@code dev.ferrymq.client.util.JmsExceptions}).
 *
 * <p>Threading: immutable once thrown; any thread.
 */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, each with its JMS twin. */
    public enum Kind {
        /** {@code jakarta.jms.JMSException} / {@code JMSRuntimeException}. */
        GENERAL,
        /** {@code jakarta.jms.IllegalStateException} / {@code IllegalStateRuntimeException}. */
        ILLEGAL_STATE,
        /** {@code jakarta.jms.InvalidClientIDException} / {@code InvalidClientIDRuntimeException}. */
        INVALID_CLIENT_ID,
        /** {@code jakarta.jms.InvalidDestinationException} / {@code InvalidDestinationRuntimeException}. */
        INVALID_DESTINATION,
        /** {@code jakarta.jms.InvalidSelectorException} / {@code InvalidSelectorRuntimeException}. */
        INVALID_SELECTOR,
        /** {@code jakarta.jms.ResourceAllocationException} / {@code ResourceAllocationRuntimeException}. */
        RESOURCE_ALLOCATION,
        /** {@code jakarta.jms.TransactionRolledBackException} / {@code TransactionRolledBackRuntimeException}. */
        TRANSACTION_ROLLED_BACK,
        /** {@code jakarta.jms.TransactionInProgressException} / {@code TransactionInProgressRuntimeException}. */
        TRANSACTION_IN_PROGRESS,
        /** {@code jakarta.jms.JMSSecurityException} / {@code JMSSecurityRuntimeException}. */
        SECURITY,
        /** {@code jakarta.jms.MessageFormatException} / {@code MessageFormatRuntimeException}. */
        MESSAGE_FORMAT
    }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EngineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static EngineException illegalState(String message) {
        return new EngineException(Kind.ILLEGAL_STATE, message);
    }

    public static EngineException invalidDestination(String message) {
        return new EngineException(Kind.INVALID_DESTINATION, message);
    }

    public static EngineException general(String message) {
        return new EngineException(Kind.GENERAL, message);
    }

    /**
     * The failure of a commit that was rolled back because of {@code reason} (its message and
     * cause): TRANSACTION_ROLLED_BACK, "transaction rolled back: ..."; a reason of that kind already
     * stays itself.
     */
    public static EngineException rolledBack(String reason, Throwable cause) {
        if (cause instanceof EngineException e && e.kind == Kind.TRANSACTION_ROLLED_BACK) {
            return e;
        }
        return new EngineException(Kind.TRANSACTION_ROLLED_BACK, "transaction rolled back: " + reason, cause);
    }

    /** Wraps any throwable: an {@code EngineException} stays itself, anything else becomes GENERAL. */
    public static EngineException wrap(Throwable t) {
        if (t instanceof EngineException e) {
            return e;
        }
        return new EngineException(Kind.GENERAL, String.valueOf(t.getMessage() != null ? t.getMessage() : t), t);
    }
}
