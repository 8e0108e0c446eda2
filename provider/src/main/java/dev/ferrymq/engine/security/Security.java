package dev.ferrymq.engine.security;

import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.config.DestinationOptions;
import dev.ferrymq.spi.config.OptionValues;

import java.nio.file.Path;
import java.util.Set;

/**
 * A broker's security: off unless {@link SecurityOptions#SECURITY_FILE} is set; then it logs
 * connections in against the file's users and gives each an {@link Access} that checks its
 * operations against the file's permissions. The file is read once, when the broker starts.
 *
 * <p>Threading contract: immutable and thread-safe; {@link #login} runs on the caller's thread and
 * costs one PBKDF2 derivation whether or not the user exists (file users), or one JAAS login.
 */
public final class Security {

    private final String broker;
    /** Null when security is off. */
    private final Authenticator users;
    private final DestinationOptions permissions;
    /** Roles of a connection without user name; null: refused. */
    private final Set<String> anonymousRoles;
    private final ClientLimits limits;

    private Security(String broker, Authenticator users, DestinationOptions permissions, Set<String> anonymousRoles,
                     ClientLimits limits) {
        this.broker = broker;
        this.users = users;
        this.permissions = permissions;
        this.anonymousRoles = anonymousRoles;
        this.limits = limits;
    }

    /**
     * The security of broker {@code broker} from its options: reads the security file when one is
     * named, and checks the JAAS entry when one is.
     *
     * @throws IllegalArgumentException naming the file or option and what is wrong
     */
    public static Security of(String broker, OptionValues options) {
        String file = options.get(SecurityOptions.SECURITY_FILE);
        String anonymous = options.get(SecurityOptions.ANONYMOUS_ROLES);
        String jaasEntry = options.get(SecurityOptions.JAAS_LOGIN_ENTRY);
        Set<String> anonymousRoles = anonymous == null ? null : SecurityFile.roles(anonymous);
        ClientLimits limits = ClientLimits.of(options);
        boolean jaas = jaasEntry != null && !jaasEntry.isBlank();
        if (file == null || file.isBlank()) {
            if (jaas) {
                throw new IllegalArgumentException("option '" + SecurityOptions.JAAS_LOGIN_ENTRY.name()
                        + "' needs option '" + SecurityOptions.SECURITY_FILE.name() + "' for the permissions");
            }
            return new Security(broker, null, null, anonymousRoles, limits);
        }
        SecurityFile.Contents contents = SecurityFile.read(Path.of(file.trim()));
        Authenticator users = jaas
                ? JaasUsers.of(broker, jaasEntry.trim(), options.get(SecurityOptions.JAAS_CONFIG_FILE),
                        options.get(SecurityOptions.JAAS_ROLE_PRINCIPAL_CLASS))
                : new FileUsers(broker, contents.users());
        return new Security(broker, users, contents.permissions(), anonymousRoles, limits);
    }

    /** The iteration count an unknown user's password is checked with (file users), else 0. */
    int unknownUserIterations() {
        return users instanceof FileUsers f ? f.unknownUserIterations() : 0;
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
        return new Access(users.authenticate(user, password), permissions, limits);
    }
}
