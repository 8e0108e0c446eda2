package dev.ferrymq;

import dev.ferrymq.client.SessionModes;

/**
 * FerryMQ's session modes beyond the four of {@code jakarta.jms.Session}, for
 * {@code Connection.createSession(int)}, {@code createSession(boolean, int)} and
 * {@code ConnectionFactory.createContext(int)}.
 *
 * <p>FerryMQ extension, INDIVIDUAL_ACKNOWLEDGE: like CLIENT_ACKNOWLEDGE (recover and close
 * redeliver what is unacknowledged), but {@code Message.acknowledge()} acknowledges only the
 * message it is called on. Both numbers in use elsewhere are accepted, so code written for
 * ActiveMQ Classic ({@code 4}) or ActiveMQ Artemis ({@code 101}) ports unchanged;
 * {@code getAcknowledgeMode()} returns the number given. {@code JMSContext.acknowledge()} and
 * {@code Session.acknowledge}-style calls acknowledge every consumed message in this mode.
 *
 * <p>Constants only; thread-safe.
 */
public final class FerrySessionModes {

    /** Individual acknowledgement, Artemis' number ({@code ActiveMQJMSConstants.INDIVIDUAL_ACKNOWLEDGE}). */
    public static final int INDIVIDUAL_ACKNOWLEDGE = SessionModes.INDIVIDUAL_ACKNOWLEDGE;

    /** Individual acknowledgement, ActiveMQ Classic's number ({@code ActiveMQSession.INDIVIDUAL_ACKNOWLEDGE}). */
    public static final int ACTIVEMQ_CLASSIC_INDIVIDUAL_ACKNOWLEDGE = SessionModes.ACTIVEMQ_CLASSIC_INDIVIDUAL_ACKNOWLEDGE;

    private FerrySessionModes() {
    }

    /** Whether {@code mode} is one of the individual acknowledgement numbers. */
    public static boolean isIndividual(int mode) {
        return SessionModes.isIndividual(mode);
    }
}
