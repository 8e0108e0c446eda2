package dev.ferrymq.spi;

/**
 * A connection's engine side: owns its client ID, sessions and temporary destinations.
 * Methods may be called from any thread.
 */
public interface EngineConnection {

    /** Claims {@code clientId} for this connection; INVALID_CLIENT_ID when another connection holds it. */
    void setClientId(String clientId, Completion<Void> done);

    void createSession(SessionInfo info, Completion<EngineSession> done);

    /**
     * Creates a temporary queue or topic that lives until it is deleted or this connection closes;
     * only this connection may consume from it.
     */
    void createTemporaryDestination(DestinationType type, Completion<DestinationRef> done);

    /**
     * Deletes a temporary destination of this connection: ILLEGAL_STATE while a consumer is open
     * on it, INVALID_DESTINATION when it is not this connection's or is already gone.
     */
    void deleteTemporaryDestination(DestinationRef destination, Completion<Void> done);

    /**
     * Deletes the durable subscription {@code name} of this connection's client ID (or the shared
     * durable one of that name without client ID when none is set): INVALID_DESTINATION when there
     * is none, ILLEGAL_STATE while it has an active consumer or unacknowledged messages.
     */
    void unsubscribe(String subscriptionName, Completion<Void> done);

    /**
     * Admin: moves the messages of queue {@code deadLetterQueue} that match {@code selector} (null
     * for all) back to where they were first sent (their {@link DeadLetterProperties#ORIGINAL_DESTINATION}),
     * without the dead-letter properties and with a fresh delivery count; messages without that
     * property stay. Completes with how many moved. The default fails: the engine has no dead letters.
     */
    default void moveToOrigin(DestinationRef deadLetterQueue, String selector, Completion<Integer> done) {
        done.fail(EngineException.general("this engine has no dead-letter queues to move messages from"));
    }

    /**
     * Closes the connection: closes its sessions (returning their unacknowledged deliveries, marked
     * delivered), deletes its temporary destinations and releases its client ID.
     */
    void close(Completion<Void> done);
}
