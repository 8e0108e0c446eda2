package dev.ferrymq.store.file;

import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.StoreLockedException;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One data directory, one store: a second open, in this JVM or another, fails clearly. */
class LockTest {

    @TempDir
    Path dir;

    private JournalConfig config() {
        return JournalConfig.file(dir).withJournalFileSize(JournalChild.FILE_SIZE);
    }

    private static String runChild(Path dir) throws Exception {
        Process p = CrashTest.child("lock", dir.toString()).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            p.waitFor();
            return line;
        }
    }

    @Test
    @DisplayName("A second open in the same JVM fails with StoreLockedException naming the directory; after close it opens")
    void secondOpenInSameJvm() {
        try (Journal first = Journals.open(config(), RecoveryListener.IGNORE)) {
            assertThatThrownBy(() -> Journals.open(config(), RecoveryListener.IGNORE))
                    .isInstanceOfSatisfying(StoreLockedException.class, e -> {
                        assertThat(e.kind()).isEqualTo(StoreException.Kind.LOCKED);
                        assertThat(e.directory()).isEqualTo(dir);
                    })
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("in use");
        }
        Journals.open(config(), RecoveryListener.IGNORE).close();
        assertThat(dir.resolve("ferrymq.lock")).exists();
    }

    @Test
    @Timeout(60)
    @DisplayName("Another JVM cannot open a directory this JVM holds (even after a refused in-JVM open); it can after close")
    void otherJvmIsRefused() throws Exception {
        try (Journal first = Journals.open(config(), RecoveryListener.IGNORE)) {
            assertThatThrownBy(() -> Journals.open(config(), RecoveryListener.IGNORE))
                    .isInstanceOf(StoreLockedException.class);
            String line = runChild(dir);
            assertThat(line).startsWith("LOCKED ").contains(dir.toString())
                    .contains("pid " + ProcessHandle.current().pid());
        }
        assertThat(runChild(dir)).isEqualTo("OPENED");
    }

    @Test
    @DisplayName("A data directory path that is a file fails with an IO StoreException naming it")
    void directoryIsAFile() throws Exception {
        Path file = Files.createFile(dir.resolve("not-a-dir"));
        assertThatThrownBy(() -> Journals.open(JournalConfig.file(file), RecoveryListener.IGNORE))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.IO))
                .hasMessageContaining(file.toString());
    }
}
