package dev.ferrymq.client.context;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

/**
 * The simplified API's entry point: {@link JMSContext}, {@code JMSProducer} and
 * {@code JMSConsumer} as thin adapters over the classic API's objects.
 *
 * <p>Threading: stateless; any thread.
 */
public final class FerryContext {

    private FerryContext() {
    }

    /**
     * A {@link JMSContext} that owns {@code connection} (a new, unstarted connection made by the
     * factory) and creates its one session with {@code sessionMode} on first need. Contexts made
     * from it with {@code createContext} share the connection, which closes when the last of them
     * closes.
     *
     * @throws JMSRuntimeException for an invalid session mode (the connection is then closed)
     */
    public static JMSContext open(Connection connection, int sessionMode) {
        try {
            ContextModes.checkMode(sessionMode);
        } catch (JMSRuntimeException e) {
            try {
                connection.close();
            } catch (JMSException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new FerryJMSContext(new SharedConnection(connection), sessionMode);
    }
}
