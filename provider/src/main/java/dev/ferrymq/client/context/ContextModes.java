package dev.ferrymq.client.context;

import dev.ferrymq.client.SessionModes;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;

/**
 * What a {@link JMSContext}'s session mode allows: which modes a context may be created with,
 * which operations need a transacted context (commit, rollback) or forbid one (recover), and in
 * which modes {@code acknowledge()} acknowledges anything. Each rule throws the runtime exception
 * the specification names, saying which mode was wrong.
 *
 * <p>Threading contract: stateless; static methods, any thread.
 */
final class ContextModes {

    private ContextModes() {
    }

    /** The mode, checked. @throws JMSRuntimeException for anything but the four session modes */
    static int checkMode(int mode) {
        if (mode != JMSContext.SESSION_TRANSACTED && mode != JMSContext.AUTO_ACKNOWLEDGE
                && mode != JMSContext.CLIENT_ACKNOWLEDGE && mode != JMSContext.DUPS_OK_ACKNOWLEDGE
                && !SessionModes.isIndividual(mode)) {
            throw new JMSRuntimeException("invalid session mode " + mode + ": expected SESSION_TRANSACTED (0), "
                    + "AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or FerryMQ's "
                    + "INDIVIDUAL_ACKNOWLEDGE (101, or 4)");
        }
        return mode;
    }

    /** @throws IllegalStateRuntimeException when {@code mode} is not SESSION_TRANSACTED, for {@code method} */
    static void checkTransacted(int mode, String method) {
        if (mode != JMSContext.SESSION_TRANSACTED) {
            throw new IllegalStateRuntimeException(method + "() needs a transacted JMSContext (SESSION_TRANSACTED); "
                    + "this one's session mode is " + mode);
        }
    }

    /** @throws IllegalStateRuntimeException when {@code mode} is SESSION_TRANSACTED: recover() is not allowed */
    static void checkRecoverable(int mode) {
        if (mode == JMSContext.SESSION_TRANSACTED) {
            throw new IllegalStateRuntimeException("recover() is not allowed on a transacted JMSContext: use rollback()");
        }
    }

    /** Whether {@code acknowledge()} acknowledges in {@code mode}: CLIENT_ or INDIVIDUAL_ACKNOWLEDGE. */
    static boolean acknowledgesExplicitly(int mode) {
        return mode == JMSContext.CLIENT_ACKNOWLEDGE || SessionModes.isIndividual(mode);
    }
}
