package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;
import dev.ferrymq.store.FaultyFiles;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full disk fails appends with DISK_FULL (the engine's ResourceAllocationException), loses
 * nothing acknowledged, and the journal works again once space returns.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    private void assertDiskFull(CompletableFuture<Void> f) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.DISK_FULL);
                    assertThat(e).hasMessageContaining("full").hasMessageContaining(dir.toString());
                });
    }

    @Test
    @DisplayName("Message delivery mode: with the disk full appends fail with DISK_FULL; earlier and later acknowledged records all recover")
    void diskFullThenSpaceReturns() throws Exception {
        FaultyFiles files = new FaultyFiles();
        JournalConfig config = JournalConfig.file(dir).withJournalFileSize(8 * 1024).withChannelFactory(files);
        List<Long> acknowledged = new ArrayList<>();
        try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
            for (long id = 1; id <= 20; id++) {
                j.append(Batch.add(id, (byte) 1, new byte[300])).get();
                acknowledged.add(id);
            }
            files.diskFull = true;
            assertDiskFull(j.append(Batch.add(100, (byte) 1, new byte[300])));
            assertDiskFull(j.append(Batch.builder().add(101, (byte) 1, new byte[300]).delete(1).build()));
            for (int i = 0; i < 30; i++) {
                assertDiskFull(j.append(Batch.add(200 + i, (byte) 1, new byte[300])));
            }
            files.diskFull = false;
            for (long id = 21; id <= 60; id++) {
                j.append(Batch.add(id, (byte) 1, new byte[300])).get();
                acknowledged.add(id);
            }
            j.append(Batch.add(100, (byte) 1, new byte[1])).get();
            acknowledged.add(100L);
        }
        List<LiveRecord> recovered = new ArrayList<>();
        try (Journal j = Journals.open(JournalConfig.file(dir).withJournalFileSize(8 * 1024), recovered::add)) {
            assertThat(j.recoveryReport().isClean()).as(j.recoveryReport().toString()).isTrue();
        }
        assertThat(recovered).extracting(LiveRecord::id).containsExactlyElementsOf(acknowledged);
    }

    @Test
    @DisplayName("A full disk while a new journal file is created fails the append and recovers the same way")
    void diskFullAtFileCreation() throws Exception {
        FaultyFiles files = new FaultyFiles();
        files.diskFull = true;
        JournalConfig config = JournalConfig.file(dir).withChannelFactory(files);
        try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
            assertDiskFull(j.append(Batch.add(1, (byte) 1, new byte[10])));
            files.diskFull = false;
            j.append(Batch.add(2, (byte) 1, new byte[10])).get();
        }
        List<LiveRecord> recovered = new ArrayList<>();
        Journals.open(JournalConfig.file(dir), recovered::add).close();
        assertThat(recovered).extracting(LiveRecord::id).containsExactly(2L);
    }
}
