package dev.ferrymq.engine.security;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.URIParameter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Users logged in by a JAAS login module: entry {@code jaasLoginEntry} of the JAAS configuration
 * (the file {@code jaasConfigFile}, else the JVM's, {@code -Djava.security.auth.login.config}).
 * The module gets the user name and password through a {@link NameCallback} and a
 * {@link PasswordCallback}; the user's roles are the names of the logged-in subject's principals
 * of class {@code jaasRolePrincipalClass} (all its principals when that option is not set).
 * Equal timing of unknown users and wrong passwords is up to the module.
 *
 * <p>Threading contract: immutable and thread-safe; each login has its own {@link LoginContext}.
 */
final class JaasUsers implements Authenticator {

    private final String broker;
    private final String entry;
    /** Null: the JVM's configuration. */
    private final Configuration configuration;
    /** Null: every principal is a role. */
    private final String rolePrincipalClass;

    private JaasUsers(String broker, String entry, Configuration configuration, String rolePrincipalClass) {
        this.broker = broker;
        this.entry = entry;
        this.configuration = configuration;
        this.rolePrincipalClass = rolePrincipalClass;
    }

    /**
     * Checks that the configuration has {@code entry}.
     *
     * @throws IllegalArgumentException naming the entry or file when it cannot be used
     */
    static JaasUsers of(String broker, String entry, String configFile, String rolePrincipalClass) {
        Configuration config = null;
        if (configFile != null && !configFile.isBlank()) {
            Path file = Path.of(configFile.trim());
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read JAAS configuration file '" + file + "'");
            }
            URI uri = file.toUri();
            try {
                config = Configuration.getInstance("JavaLoginConfig", new URIParameter(uri));
            } catch (NoSuchAlgorithmException | SecurityException e) {
                throw new IllegalArgumentException("cannot read JAAS configuration file '" + file + "': "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
            }
        }
        Configuration effective = config != null ? config : defaultConfiguration();
        if (effective == null || effective.getAppConfigurationEntry(entry) == null) {
            throw new IllegalArgumentException("the JAAS configuration " + (config != null ? "file '" + configFile + "'"
                    : "of the JVM (java.security.auth.login.config)") + " has no entry '" + entry + "'");
        }
        return new JaasUsers(broker, entry, config, rolePrincipalClass == null || rolePrincipalClass.isBlank()
                ? null : rolePrincipalClass.trim());
    }

    private static Configuration defaultConfiguration() {
        try {
            return Configuration.getConfiguration();
        } catch (SecurityException e) {
            return null;
        }
    }

    @Override
    public Identity authenticate(String user, String password) {
        Subject subject = new Subject();
        try {
            LoginContext login = configuration == null
                    ? new LoginContext(entry, subject, handler(user, password))
                    : new LoginContext(entry, subject, handler(user, password), configuration);
            login.login();
        } catch (LoginException e) {
            throw Authenticator.refused(broker, user);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (rolePrincipalClass == null || p.getClass().getName().equals(rolePrincipalClass)) {
                roles.add(p.getName());
            }
        }
        return new Identity(user, roles);
    }

    private static CallbackHandler handler(String user, String password) {
        return callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(user);
                } else if (c instanceof PasswordCallback p) {
                    p.setPassword(password == null ? new char[0] : password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(c, "FerryMQ gives a login module only a name and a password");
                }
            }
        };
    }
}
