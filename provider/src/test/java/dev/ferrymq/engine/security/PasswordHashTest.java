package dev.ferrymq.engine.security;

import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.config.OptionValues;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored password hashes, the HashPassword tool and the login rules of {@link Security}. */
@Timeout(60)
class PasswordHashTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("A PBKDF2 hash matches its password only, survives its stored form, and salts each hash")
    void hashRoundTrip() {
        PasswordHash h = PasswordHash.of("s3cret", 1000);
        PasswordHash parsed = PasswordHash.parse(h.toString());
        assertThat(parsed.matches("s3cret")).isTrue();
        assertThat(parsed.matches("s3cret ")).isFalse();
        assertThat(parsed.matches(null)).isFalse();
        assertThat(parsed.iterations()).isEqualTo(1000);
        assertThat(h.toString()).startsWith("PBKDF2WithHmacSHA512:1000:").doesNotContain("s3cret");
        assertThat(PasswordHash.of("s3cret", 1000).toString()).isNotEqualTo(h.toString());
    }

    @Test
    @DisplayName("A malformed stored hash is refused saying what is wrong")
    void malformed() {
        assertThatThrownBy(() -> PasswordHash.parse("plain-text")).hasMessageContaining("PBKDF2WithHmacSHA512:<iterations>");
        assertThatThrownBy(() -> PasswordHash.parse("PBKDF2WithHmacSHA512:x:AA==:AA==")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PasswordHash.parse("PBKDF2WithHmacSHA512:10:%%:AA==")).hasMessageContaining("Base64");
    }

    @Test
    @DisplayName("HashPassword writes a security file line the broker reads back, user names with separators escaped")
    void toolLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = HashPassword.run(List.of("--iterations", "1000", "ops team:1", "pw", "admin,ops"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        Path file = dir.resolve("s.properties");
        Files.writeString(file, out.toString(StandardCharsets.UTF_8) + HashPassword.line("zoë", "pw2", "", 1000) + "\n");
        Security s = Security.of("b", OptionValues.parse(SecurityOptions.ALL, Map.of("securityFile", file.toString())));
        assertThat(s.login("ops team:1", "pw").identity().roles()).isEqualTo(Set.of("admin", "ops"));
        assertThat(s.login("zoë", "pw2").identity().roles()).isEmpty();
        assertThat(HashPassword.run(List.of("only-user"), new PrintStream(out), new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    @Test
    @DisplayName("An unknown user is checked against a dummy hash with the users' iteration count (no timing difference)")
    void unknownUserCostsTheSame() throws Exception {
        Path file = dir.resolve("t.properties");
        Files.writeString(file, HashPassword.line("a", "pw", "r", 1000) + "\n" + HashPassword.line("b", "pw", "r", 3000) + "\n");
        Security s = Security.of("b", OptionValues.parse(SecurityOptions.ALL, Map.of("securityFile", file.toString())));
        assertThat(s.unknownUserIterations()).isEqualTo(3000);
        EngineException unknown = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> s.login("nobody", "pw"), EngineException.class);
        EngineException wrong = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> s.login("a", "nope"), EngineException.class);
        assertThat(unknown.kind()).isEqualTo(EngineException.Kind.SECURITY);
        assertThat(wrong.getMessage().replace("'a'", "'nobody'")).isEqualTo(unknown.getMessage());
    }

    @Test
    @DisplayName("Security off: login accepts anyone and no operation is refused")
    void off() {
        Security s = Security.of("b", OptionValues.defaults());
        assertThat(s.enabled()).isFalse();
        Access a = s.login("who", "ever");
        a.require(Operation.SEND, dev.ferrymq.spi.DestinationRef.queue("x"));
        assertThat(a.identity()).isNull();
    }
}
