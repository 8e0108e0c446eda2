package dev.ferrymq.engine.security;

import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.config.DestinationOptions;
import dev.ferrymq.spi.config.OptionValues;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A broker's security: off unless {@link SecurityOptions#SECURITY_FILE} is set; then it logs
 * connections in against the file's users and gives each an {@link Access} that checks its
 * operations against the file's permissions. The file is read once, when the broker starts.
 *
 * <p>Threading contract: immutable and thread-safe; {@link #login} runs on the caller's thread and
 * costs one PBKDF2 derivation whether or not the user exists.
 */
public final class Security {

    private final String broker;
    /** Null when security is off. */
    private final Map<String, SecurityFile.User> users;
    private final DestinationOptions permissions;
    /** Roles of a connection without user name; null: refused. */
    private final Set<String> anonymousRoles;
    private final PasswordHash unknownUser;
    private final ClientLimits limits;

    private Security(String broker, SecurityFile.Contents contents, Set<String> anonymousRoles, ClientLimits limits) {
        this.broker = broker;
        this.users = contents == null ? null : contents.users();
        this.permissions = contents == null ? null : contents.permissions();
        this.anonymousRoles = anonymousRoles;
        this.limits = limits;
        int iterations = users == null ? 1 : users.values().stream().mapToInt(u -> u.hash().iterations()).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS);
        this.unknownUser = PasswordHash.dummy(iterations);
    }

    /**
     * The security of broker {@code broker} from its options: reads the security file when one is named.
     *
     * @throws IllegalArgumentException naming the file and what is wrong in it
     */
    public static Security of(String broker, OptionValues options) {
        String file = options.get(SecurityOptions.SECURITY_FILE);
        String anonymous = options.get(SecurityOptions.ANONYMOUS_ROLES);
        boolean on = file != null && !file.isBlank();
        return new Security(broker, on ? SecurityFile.read(Path.of(file.trim())) : null,
                anonymous == null ? null : SecurityFile.roles(anonymous), ClientLimits.of(options));
    }

    /** The iteration count an unknown user's password is checked with: the largest of the file's users. */
    int unknownUserIterations() {
        return unknownUser.iterations();
    }

    public boolean enabled() {
        return users != null;
    }

    /**
     * Logs a connection in. With security off everyone gets an access that allows everything.
     * An unknown user is checked against a dummy hash, so it takes as long as a wrong password,
     * and the refusal does not say which of the two was wrong.
     *
     * @throws EngineException SECURITY naming the user when the credentials do not match
     */
    public Access login(String user, String password) {
        if (users == null) {
            return new Access(null, null, limits);
        }
        if (user == null || user.isEmpty()) {
            if (anonymousRoles == null) {
                throw new EngineException(EngineException.Kind.SECURITY, "broker '" + broker
                        + "' requires a user name and password (anonymous connections are not configured)");
            }
            return new Access(new Identity(null, anonymousRoles), permissions, limits);
        }
        SecurityFile.User u = users.get(user);
        boolean matches = (u == null ? unknownUser : u.hash()).matches(password);
        if (u == null || !matches) {
            throw new EngineException(EngineException.Kind.SECURITY, "authentication failed for user '" + user
                    + "' on broker '" + broker + "': unknown user name or wrong password");
        }
        return new Access(new Identity(user, u.roles()), permissions, limits);
    }
}
