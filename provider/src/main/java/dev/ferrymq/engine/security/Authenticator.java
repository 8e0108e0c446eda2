package dev.ferrymq.engine.security;

/**
 * Checks a user name and password and gives the user's roles: the security file's users
 * ({@link FileUsers}) or a JAAS login module ({@link JaasUsers}).
 *
 * <p>Threading contract: implementations are thread-safe; called on the connecting thread.
 */
interface Authenticator {

    /**
     * The identity of {@code user} (never null or empty) when {@code password} is right.
     *
     * @throws dev.ferrymq.spi.EngineException SECURITY naming the user but not which part was wrong
     */
    Identity authenticate(String user, String password);

    /** The refusal of {@code user} on {@code broker}, the same for an unknown user and a wrong password. */
    static dev.ferrymq.spi.EngineException refused(String broker, String user) {
        return new dev.ferrymq.spi.EngineException(dev.ferrymq.spi.EngineException.Kind.SECURITY,
                "authentication failed for user '" + user + "' on broker '" + broker
                        + "': unknown user name or wrong password");
    }
}
