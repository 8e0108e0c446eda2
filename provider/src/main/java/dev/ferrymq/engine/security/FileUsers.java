package dev.ferrymq.engine.security;

import java.util.Map;

/**
 * The users of the security file: PBKDF2 hashes and roles. An unknown user's password is hashed
 * against a dummy hash with the users' largest iteration count, so that it takes as long as a
 * wrong password.
 *
 * <p>Threading contract: immutable and thread-safe.
 */
final class FileUsers implements Authenticator {

    private final String broker;
    private final Map<String, SecurityFile.User> users;
    private final PasswordHash unknownUser;

    FileUsers(String broker, Map<String, SecurityFile.User> users) {
        this.broker = broker;
        this.users = Map.copyOf(users);
        this.unknownUser = PasswordHash.dummy(users.values().stream().mapToInt(u -> u.hash().iterations()).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS));
    }

    @Override
    public Identity authenticate(String user, String password) {
        SecurityFile.User u = users.get(user);
        boolean matches = (u == null ? unknownUser : u.hash()).matches(password);
        if (u == null || !matches) {
            throw Authenticator.refused(broker, user);
        }
        return new Identity(user, u.roles());
    }

    /** The iteration count an unknown user's password is checked with. */
    int unknownUserIterations() {
        return unknownUser.iterations();
    }
}
