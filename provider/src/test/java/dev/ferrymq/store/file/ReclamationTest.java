package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.JournalStats;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disk use follows the live data: files with nothing live are deleted, mostly dead files are
 * compacted, and compaction keeps every live record with its updates in order. Spec
 * "Message acknowledgment": acknowledged messages stop taking space.
 */
class ReclamationTest {

    @TempDir
    Path dir;

    private static final int FILE_SIZE = 4096;

    /** No fsync per append: these tests are about accounting, and close and compaction still force. */
    private JournalConfig config() {
        return JournalConfig.file(dir).withJournalFileSize(FILE_SIZE).withSyncPolicy(dev.ferrymq.store.SyncPolicy.NEVER);
    }

    private long journalFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Recovery.FILE_NAME.matcher(p.getFileName().toString()).matches()).count();
        }
    }

    /** Appends then waits: the writer finished the previous round's reclamation before this callback. */
    private static void sync(Journal j, long id) throws Exception {
        j.append(Batch.add(id, (byte) 9, new byte[0])).get();
        j.append(Batch.delete(id)).get();
    }

    @Test
    @DisplayName("Files whose records are all deleted are removed, oldest first")
    void deadFilesAreDeleted() throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            for (long id = 1; id <= 300; id++) {
                j.append(Batch.add(id, (byte) 1, new byte[300])).get();
                j.append(Batch.delete(id)).get();
            }
            sync(j, 10_000);
            JournalStats stats = j.stats();
            assertThat(stats.reclaimed()).isGreaterThan(20);
            assertThat(stats.segments()).isLessThanOrEqualTo(2);
            assertThat(stats.liveRecords()).isZero();
            assertThat(journalFiles()).isEqualTo(stats.segments());
        }
        List<LiveRecord> recovered = new ArrayList<>();
        try (Journal j = Journals.open(config(), recovered::add)) {
            assertThat(j.recoveryReport().isClean()).isTrue();
        }
        assertThat(recovered).isEmpty();
    }

    @Test
    @DisplayName("A long-lived record does not pin the files after it: compaction moves it; its updates stay in order")
    void compactionMovesLongLivedRecords() throws Exception {
        Path firstFileCopy = dir.resolveSibling(dir.getFileName() + "-first-file");
        long longLived = 1;
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            j.append(Batch.add(longLived, (byte) 1, "long-lived".getBytes(StandardCharsets.UTF_8))).get();
            Files.copy(dir.resolve(Recovery.fileName(1)), firstFileCopy);
            for (long id = 100; id < 700; id++) {
                j.append(Batch.add(id, (byte) 1, new byte[300])).get();
                j.append(Batch.delete(id)).get();
                if (id % 60 == 0) {
                    j.append(Batch.update(longLived, (byte) 2, ("u" + id).getBytes(StandardCharsets.UTF_8))).get();
                }
            }
            sync(j, 10_000);
            JournalStats stats = j.stats();
            assertThat(stats.compactions()).isGreaterThan(0);
            assertThat(stats.segments()).isLessThanOrEqualTo(4);
            assertThat(stats.diskBytes()).isLessThanOrEqualTo(2 * stats.liveBytes() + 3L * FILE_SIZE);
            assertThat(dir.resolve(Recovery.fileName(1))).doesNotExist();
        }
        List<String> expectedUpdates = new ArrayList<>();
        for (long id = 100; id < 700; id++) {
            if (id % 60 == 0) {
                expectedUpdates.add("u" + id);
            }
        }
        assertThat(recoverLongLived()).containsExactlyElementsOf(expectedUpdates);

        // a crash between copying and deleting leaves the original file too: one copy per op is recovered
        Files.copy(firstFileCopy, dir.resolve(Recovery.fileName(1)));
        assertThat(recoverLongLived()).containsExactlyElementsOf(expectedUpdates);
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            sync(j, 10_001);
            assertThat(dir.resolve(Recovery.fileName(1))).as("the stale copy's file is reclaimed").doesNotExist();
        }
    }

    private List<String> recoverLongLived() {
        List<LiveRecord> recovered = new ArrayList<>();
        try (Journal j = Journals.open(config(), recovered::add)) {
            assertThat(j.recoveryReport().isClean()).isTrue();
        }
        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(1);
            assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("long-lived");
        });
        return recovered.get(0).updates().stream().map(u -> new String(u.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    @DisplayName("With many live records and heavy churn, disk bytes stay within twice the live bytes plus a few files")
    void diskFollowsLiveData() throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            for (long id = 1; id <= 2000; id++) {
                j.append(Batch.add(id, (byte) 1, new byte[200])).get();
                if (id % 10 != 0) {
                    j.append(Batch.delete(id)).get();
                }
            }
            sync(j, 10_000);
            JournalStats stats = j.stats();
            assertThat(stats.liveRecords()).isEqualTo(200);
            assertThat(stats.diskBytes()).isLessThanOrEqualTo(2 * stats.liveBytes() + 3L * FILE_SIZE);
        }
        List<LiveRecord> recovered = new ArrayList<>();
        Journals.open(config(), recovered::add).close();
        assertThat(recovered).extracting(LiveRecord::id).allMatch(id -> id % 10 == 0).hasSize(200).isSorted();
    }
}
