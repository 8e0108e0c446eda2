package dev.ferrymq.client.context;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;

/**
 * The simplified API (placeholder until it lands; the signature is the contract).
 */
public final class FerryContext {

    private FerryContext() {
    }

    /**
     * A {@link JMSContext} that owns {@code connection} (a new, unstarted connection made by the
     * factory) and creates its one session with {@code sessionMode}.
     *
     * @throws jakarta.jms.JMSRuntimeException for an invalid session mode
     */
    public static JMSContext open(Connection connection, int sessionMode) {
        throw new UnsupportedOperationException("simplified API not implemented yet");
    }
}
