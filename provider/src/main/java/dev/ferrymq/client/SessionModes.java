package dev.ferrymq.client;

import dev.ferrymq.spi.AckMode;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * The session modes a connection accepts ("Creating a session") and the engine's
 * {@link AckMode} for each, including FerryMQ's INDIVIDUAL_ACKNOWLEDGE (published to applications
 * as {@code dev.ferrymq.FerrySessionModes}). Stateless.
 */
public final class SessionModes {

    /** Individual acknowledgement, Artemis' number. */
    public static final int INDIVIDUAL_ACKNOWLEDGE = 101;

    /** Individual acknowledgement, ActiveMQ Classic's number. */
    public static final int ACTIVEMQ_CLASSIC_INDIVIDUAL_ACKNOWLEDGE = 4;

    private SessionModes() {
    }

    /** Whether {@code mode} is one of the individual acknowledgement numbers. */
    public static boolean isIndividual(int mode) {
        return mode == INDIVIDUAL_ACKNOWLEDGE || mode == ACTIVEMQ_CLASSIC_INDIVIDUAL_ACKNOWLEDGE;
    }

    /**
     * @return {@code mode} when it is a valid acknowledgement mode
     * @throws JMSException when it is not (SESSION_TRANSACTED is not an acknowledgement mode)
     */
    static int checkAckMode(int mode) throws JMSException {
        if (mode != Session.AUTO_ACKNOWLEDGE && mode != Session.CLIENT_ACKNOWLEDGE && mode != Session.DUPS_OK_ACKNOWLEDGE
                && !isIndividual(mode)) {
            throw new JMSException("invalid session mode " + mode + ": expected SESSION_TRANSACTED (0), AUTO_ACKNOWLEDGE (1), "
                    + "CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or FerryMQ's INDIVIDUAL_ACKNOWLEDGE (101, or 4)");
        }
        return mode;
    }

    /** The engine's acknowledgement mode for a checked session mode. */
    static AckMode ackMode(int sessionMode) {
        return switch (sessionMode) {
            case Session.SESSION_TRANSACTED -> AckMode.TRANSACTED;
            case Session.CLIENT_ACKNOWLEDGE -> AckMode.CLIENT;
            case Session.DUPS_OK_ACKNOWLEDGE -> AckMode.DUPS_OK;
            case INDIVIDUAL_ACKNOWLEDGE, ACTIVEMQ_CLASSIC_INDIVIDUAL_ACKNOWLEDGE ->
                    AckMode.INDIVIDUAL;
            default -> AckMode.AUTO;
        };
    }
}
