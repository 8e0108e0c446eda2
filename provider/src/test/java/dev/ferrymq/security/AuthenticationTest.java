package dev.ferrymq.security;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.TopicConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Authentication (spec 2.13 "Security"; 10.3 "Standard exceptions": JMSSecurityException "must be
 * thrown when a provider rejects a user name/password submitted by a client"): off unless a
 * security file is configured; then bad or missing credentials are refused without saying which
 * part was wrong.
 */
@Timeout(60)
class AuthenticationTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("Security off (no securityFile): any user name and password are accepted, as before")
    void offAcceptsAnything() throws Exception {
        String name = "sec-off-" + UUID.randomUUID();
        try (Connection c = new FerryConnectionFactory("vm://" + name).createConnection("invalid", "invalid");
             JMSContext ctx = new FerryConnectionFactory("vm://" + name).createContext("x", "y")) {
            assertThat(c.createSession().createProducer(null)).isNotNull();
            ctx.createProducer().send(ctx.createQueue("q"), "ok");
        } finally {
            Brokers.stop(name);
        }
    }

    @Test
    @DisplayName("Security on: the right user name and password open connections and contexts of every kind")
    void goodCredentials() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "")) {
            FerryConnectionFactory f = b.factory();
            try (Connection c = f.createConnection("alice", "alice-pw");
                 QueueConnection qc = f.createQueueConnection("bob", "bob-pw");
                 TopicConnection tc = f.createTopicConnection("admin", "admin-pw");
                 JMSContext ctx = f.createContext("alice", "alice-pw", JMSContext.SESSION_TRANSACTED)) {
                assertThat(c.createSession()).isNotNull();
                assertThat(qc.createQueueSession(false, 1)).isNotNull();
                assertThat(tc.createTopicSession(false, 1)).isNotNull();
                assertThat(ctx.getSessionMode()).isEqualTo(JMSContext.SESSION_TRANSACTED);
            }
        }
    }

    @Test
    @DisplayName("Security on: a wrong password and an unknown user fail alike, naming the user, not which part was wrong")
    void badCredentials() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "")) {
            FerryConnectionFactory f = b.factory();
            JMSException wrongPassword = catchJms(() -> f.createConnection("alice", "bob-pw"));
            JMSException unknownUser = catchJms(() -> f.createConnection("mallory", "alice-pw"));
            JMSException nullPassword = catchJms(() -> f.createConnection("alice", null));
            assertThat(wrongPassword).isInstanceOf(JMSSecurityException.class).hasMessageContaining("'alice'");
            assertThat(nullPassword).isInstanceOf(JMSSecurityException.class).hasMessageContaining("'alice'");
            assertThat(unknownUser).isInstanceOf(JMSSecurityException.class).hasMessageContaining("'mallory'");
            assertThat(unknownUser.getMessage().replace("mallory", "alice")).isEqualTo(wrongPassword.getMessage());
            assertThat(wrongPassword.getMessage()).doesNotContain("bob-pw").doesNotContain("alice-pw");
            assertThatThrownBy(() -> f.createQueueConnection("alice", "nope")).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> f.createTopicConnection("alice", "nope")).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    @DisplayName("Security on, simplified API: bad credentials -> JMSSecurityRuntimeException naming the user")
    void badCredentialsContext() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "")) {
            FerryConnectionFactory f = b.factory();
            assertThatThrownBy(() -> f.createContext("alice", "wrong"))
                    .isInstanceOf(JMSSecurityRuntimeException.class).hasMessageContaining("'alice'");
            assertThatThrownBy(() -> f.createContext("nobody", "x", JMSContext.CLIENT_ACKNOWLEDGE))
                    .isInstanceOf(JMSSecurityRuntimeException.class).hasMessageContaining("'nobody'");
            assertThatThrownBy(f::createContext).isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    @Test
    @DisplayName("Security on: no credentials are refused unless anonymousRoles is configured")
    void missingCredentials() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "")) {
            assertThatThrownBy(() -> b.factory().createConnection()).isInstanceOf(JMSSecurityException.class)
                    .hasMessageContaining("requires a user name");
            assertThatThrownBy(() -> b.factory().createConnection(null, null)).isInstanceOf(JMSSecurityException.class);
        }
        try (SecureBroker b = new SecureBroker(dir, "anonymousRoles=producer");
             JMSContext ctx = b.factory().createContext()) {
            ctx.createProducer().send(ctx.createQueue("orders.eu"), "from anonymous");
            assertThat(b.stats("orders.eu").available()).isEqualTo(1);
            assertThatThrownBy(() -> ctx.createConsumer(ctx.createQueue("orders.eu")))
                    .isInstanceOf(JMSSecurityRuntimeException.class).hasMessageContaining("anonymous");
        }
    }

    @Test
    @DisplayName("The factory's default user= and password= apply to createConnection() and createContext()")
    void defaultCredentialsFromUrl() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "")) {
            try (Connection c = b.factory("user=alice&password=alice-pw").createConnection();
                 JMSContext ctx = b.factory("user=alice&password=alice-pw").createContext()) {
                assertThat(c.createSession()).isNotNull();
                ctx.createProducer().send(ctx.createQueue("orders.eu"), "x");
            }
            assertThatThrownBy(() -> b.factory("user=alice&password=wrong").createConnection())
                    .isInstanceOf(JMSSecurityException.class);
            FerryConnectionFactory bean = b.factory();
            bean.setUser("bob");
            bean.setPassword("bob-pw");
            try (Connection c = bean.createConnection()) {
                assertThat(c.createSession()).isNotNull();
            }
        }
    }

    @Test
    @DisplayName("A bad security file fails the first connection with a JMSException naming the file and key, not the hash")
    void badFile() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "user.eve = PBKDF2WithHmacSHA512:notanumber:c2FsdA==:aGFzaA==\n");
        String name = "sec-bad-" + UUID.randomUUID();
        FerryConnectionFactory f = new FerryConnectionFactory("vm://" + name + "?securityFile=" + file);
        assertThatThrownBy(() -> f.createConnection("eve", "x")).isInstanceOf(JMSException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("user.eve")
                .hasMessageNotContaining("aGFzaA==");
        Files.writeString(file, "sned@orders = admin\n");
        assertThatThrownBy(() -> f.createConnection("eve", "x")).isInstanceOf(JMSException.class)
                .hasMessageContaining("sned");
        FerryConnectionFactory missing = new FerryConnectionFactory("vm://" + name + "?securityFile="
                + dir.resolve("nowhere.properties"));
        assertThatThrownBy(missing::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("nowhere.properties");
        assertThat(Brokers.find(name)).as("no broker runs with a broken security file").isNull();
    }

    private interface JmsCall {
        void run() throws JMSException;
    }

    private static JMSException catchJms(JmsCall call) {
        try {
            call.run();
        } catch (JMSException e) {
            return e;
        }
        throw new AssertionError("expected a JMSException");
    }
}
