package dev.ferrymq.admin;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.JMSContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin package as the README has users call it: {@link Brokers} on a running vm broker, and
 * the commands started as {@code java -cp <provider> dev.ferrymq.admin.<Tool> ...} in a JVM of their
 * own (their exit status and output, as a shell sees them).
 */
@Timeout(60)
class AdminCommandsTest {

    private final String broker = "admin-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        Brokers.stop(broker);
    }

    @Test
    @DisplayName("Brokers: a vm:// connection starts the broker, names() and isRunning see it, stop stops it once")
    void brokers() {
        assertThat(Brokers.isRunning(broker)).isFalse();
        try (JMSContext ctx = new FerryConnectionFactory("vm://" + broker).createContext()) {
            ctx.createProducer().send(ctx.createQueue("q"), "x");
            assertThat(Brokers.isRunning(broker)).isTrue();
            assertThat(Brokers.names()).contains(broker);
        }
        assertThat(Brokers.stop(broker)).isTrue();
        assertThat(Brokers.isRunning(broker)).isFalse();
        assertThat(Brokers.names()).doesNotContain(broker);
        assertThat(Brokers.stop(broker)).as("nothing left to stop").isFalse();
    }

    @Test
    @DisplayName("HashPassword.line writes the security file's user line: escaped key, PBKDF2 hash with the iterations, roles")
    void hashPasswordLine() {
        assertThat(HashPassword.line("ops team", "pw", "admin,ops", 1000))
                .matches("user\\.ops\\\\ team = PBKDF2WithHmacSHA512:1000:[^:]+:[^ ]+ ; admin, ops");
    }

    @Test
    @DisplayName("java -cp ... dev.ferrymq.admin.HashPassword alice secret orders prints alice's line and exits 0")
    void hashPasswordCommand() throws Exception {
        Run run = java("dev.ferrymq.admin.HashPassword", "--iterations", "1000", "alice", "secret", "orders");
        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out.strip()).matches("user\\.alice = PBKDF2WithHmacSHA512:1000:[^:]+:[^ ]+ ; orders");
    }

    @Test
    @DisplayName("java -cp ... dev.ferrymq.admin.DataTool: usage errors exit 1; list shows a stopped broker's queue and exits 0")
    void dataToolCommand() throws Exception {
        Run usage = java("dev.ferrymq.admin.DataTool");
        assertThat(usage.exit).isEqualTo(1);
        assertThat(usage.err).contains("usage: DataTool <dataDirectory> list");
        Path data = Files.createDirectory(dir.resolve("data"));
        try (JMSContext ctx = new FerryConnectionFactory("vm://" + broker + "?store=file&dataDirectory="
                + URLEncoder.encode(data.toString(), StandardCharsets.UTF_8)).createContext()) {
            ctx.createProducer().send(ctx.createQueue("orders"), "kept");
        }
        assertThat(Brokers.stop(broker)).isTrue();
        Run list = java("dev.ferrymq.admin.DataTool", data.toString(), "list");
        assertThat(list.exit).as(list.err).isZero();
        assertThat(list.out.lines().skip(1).toList()).as(list.out).singleElement().asString()
                .matches("1\\s+1\\s+0\\s+orders");
    }

    private record Run(int exit, String out, String err) {
    }

    /** Runs {@code main} in a fresh JVM on this test's class path, no input, output caught in files. */
    private Run java(String main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(40, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(main + " did not end within 40 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
