package dev.ferrymq.samples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class PersistenceSampleTest {

    @Test
    @DisplayName("Message delivery mode (PERSISTENT): messages whose send returned survive a SIGKILL of the JVM that sent them; after the restart all arrive, in order, once")
    void everythingSurvivesAHardKill(@TempDir Path dir) throws Exception {
        Output output = new Output();
        List<String> received = PersistenceSample.run(6, dir, output.stream());

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            expected.add("payment-" + i);
        }
        assertThat(received).isEqualTo(expected);
        String text = output.text();
        assertThat(text).contains("  child | sent payment-6 (send returned: it is on disk)")
                .contains("  child | SENT 6")
                .containsPattern("parent: killed the child JVM \\(pid \\d+\\) with destroyForcibly after its sends returned: exit code (137|1)\n")
                .contains("received 6/6 after restart, in order, none twice, nothing more");
        assertThat(text.indexOf("child | SENT 6")).isLessThan(text.indexOf("parent: killed"));
        try (var files = Files.list(dir)) {
            assertThat(files).as("the journal in the data directory the sample was given").isNotEmpty();
        }
    }
}
