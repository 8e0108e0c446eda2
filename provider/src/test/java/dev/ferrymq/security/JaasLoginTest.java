package dev.ferrymq.security;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Authentication through a JAAS login module (jaasLoginEntry), permissions from the security file
 * (spec 2.13 "Security", 10.3 "Standard exceptions": JMSSecurityException for rejected credentials).
 */
@Timeout(60)
class JaasLoginTest {

    /** A principal naming the user. */
    public record UserPrincipal(String getName) implements Principal {
    }

    /** A principal naming a role. */
    public record RolePrincipal(String getName) implements Principal {
    }

    /** Knows jane (password jane-pw, role producer). */
    public static final class Module implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[]{name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if (!"jane".equals(name.getName()) || !"jane-pw".equals(new String(password.getPassword()))) {
                throw new FailedLoginException("no");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new RolePrincipal("producer"));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }

    @TempDir
    Path dir;

    private final String broker = "jaas-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        Brokers.stop(broker);
    }

    private String url(String entry) throws Exception {
        Path jaas = dir.resolve("jaas.conf");
        Files.writeString(jaas, "FerryTest {\n  " + Module.class.getName() + " required;\n};\n");
        Path security = dir.resolve("security.properties");
        Files.writeString(security, "send@orders.* = producer\nconsume@orders.* = consumer\n");
        return "vm://" + broker + "?securityFile=" + enc(security) + "&jaasConfigFile=" + enc(jaas)
                + "&jaasLoginEntry=" + entry + "&jaasRolePrincipalClass=" + RolePrincipal.class.getName();
    }

    private static String enc(Path p) {
        return URLEncoder.encode(p.toString(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("JAAS: the module's user logs in with the roles of its role principals; the file's permissions apply")
    void loginThroughModule() throws Exception {
        FerryConnectionFactory f = new FerryConnectionFactory(url("FerryTest"));
        try (JMSContext jane = f.createContext("jane", "jane-pw")) {
            jane.createProducer().send(jane.createQueue("orders.eu"), "x");
            assertThatThrownBy(() -> jane.createConsumer(jane.createQueue("orders.eu")))
                    .as("jane's roles are [producer] only: the user principal is not a role")
                    .isInstanceOf(JMSSecurityRuntimeException.class).hasMessageContaining("user 'jane'");
        }
        assertThatThrownBy(() -> f.createConnection("jane", "wrong")).isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("'jane'");
        JMSException unknown = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> f.createConnection("joe", "jane-pw"), JMSException.class);
        assertThat(unknown).isInstanceOf(JMSSecurityException.class).hasMessageContaining("unknown user name or wrong password");
    }

    @Test
    @DisplayName("JAAS: an entry the configuration lacks, or no securityFile, fails the first connection naming it")
    void badConfiguration() throws Exception {
        assertThatThrownBy(() -> new FerryConnectionFactory(url("Missing")).createConnection("jane", "jane-pw"))
                .isInstanceOf(JMSException.class).hasMessageContaining("'Missing'");
        assertThatThrownBy(() -> new FerryConnectionFactory("vm://" + broker + "?jaasLoginEntry=FerryTest")
                .createConnection()).isInstanceOf(JMSException.class).hasMessageContaining("securityFile");
    }
}
