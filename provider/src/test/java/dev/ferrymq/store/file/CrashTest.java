package dev.ferrymq.store.file;

import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM that is appending (SIGKILL, at a random point) and checks that everything it
 * was told is durable comes back: spec "Message delivery mode" (a PERSISTENT message survives a
 * provider failure) and "Message acknowledgment" (an acknowledged message does not come back).
 */
class CrashTest {

    @TempDir
    Path dir;

    static ProcessBuilder child(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(JournalChild.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    @Test
    @Timeout(120)
    @DisplayName("Message delivery mode: records acknowledged before SIGKILL survive; acknowledged deletes stay deleted (10 rounds)")
    void acknowledgedRecordsSurviveKill() throws Exception {
        Random random = new Random(42);
        Set<Long> added = new HashSet<>();
        Set<Long> deleted = new HashSet<>();
        for (int round = 0; round < 10; round++) {
            Process p = child("append", dir.toString()).start();
            int killAfter = 20 + random.nextInt(600);
            BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
            int acks = 0;
            String line;
            while ((line = in.readLine()) != null) {
                acks += record(line, added, deleted);
                if (acks >= killAfter) {
                    p.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it leaves stdout readable
                    break;
                }
            }
            while ((line = in.readLine()) != null) {
                record(line, added, deleted);
            }
            p.waitFor();
            assertThat(acks).as("round %d: the child acknowledged appends before it was killed", round)
                    .isGreaterThanOrEqualTo(killAfter);

            Map<Long, LiveRecord> recovered = new HashMap<>();
            try (Journal j = Journals.open(JournalConfig.file(dir).withJournalFileSize(JournalChild.FILE_SIZE),
                    r -> recovered.put(r.id(), r))) {
                for (long id : added) {
                    // the child deletes two in three records once their add is durable: without a
                    // printed D that delete may or may not have happened
                    if (!deleted.contains(id) && id % 3 == 0) {
                        assertThat(recovered.containsKey(id)).as("round %d: acknowledged record %d recovered", round, id)
                                .isTrue();
                        assertThat(recovered.get(id).payload()).isEqualTo(JournalChild.payload(id));
                    }
                }
                for (long id : deleted) {
                    assertThat(recovered.containsKey(id)).as("round %d: acknowledged delete of %d", round, id).isFalse();
                }
                assertThat(recovered.values()).as("round %d: recovered payloads intact", round)
                        .allMatch(r -> java.util.Arrays.equals(r.payload(), JournalChild.payload(r.id())));
                assertThat(j.recoveryReport().damages()).allSatisfy(d ->
                        assertThat(d.action()).as(d.toString()).isIn(
                                dev.ferrymq.store.RecoveryReport.Action.TRUNCATED,
                                dev.ferrymq.store.RecoveryReport.Action.DELETED_INCOMPLETE_FILE));
            }
        }
    }

    private static int record(String line, Set<Long> added, Set<Long> deleted) {
        if (line.startsWith("A ")) {
            added.add(Long.parseLong(line.substring(2)));
            return 1;
        }
        if (line.startsWith("D ")) {
            deleted.add(Long.parseLong(line.substring(2)));
            return 1;
        }
        if (line.startsWith("F ")) {
            throw new AssertionError("child append failed: " + line);
        }
        return 0;
    }
}
