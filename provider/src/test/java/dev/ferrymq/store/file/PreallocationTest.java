package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;
import dev.ferrymq.store.ChannelFactory;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.RecoveryReport;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journal files prepared ahead ({@link Preallocator}): rotated files are zero-filled spares whose
 * zero tail recovery reads as a clean end, a failing preallocation only falls back to growing
 * files, and a spare renamed but never given its header is cleaned up. Spec "Reliability":
 * nothing acknowledged is lost.
 */
class PreallocationTest {

    private static final int FILE_SIZE = 64 << 10;

    @TempDir
    Path dir;

    private List<Path> files(String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.newDirectoryStream(dir, glob)) {
            s.forEach(out::add);
        }
        return out;
    }

    /** Appends {@code count} 1000-byte records with ids from {@code first}, each waited for. */
    private static void append(Journal j, long first, int count) throws Exception {
        for (long id = first; id < first + count; id++) {
            j.append(Batch.add(id, (byte) 1, new byte[1000])).get();
        }
    }

    @Test
    @DisplayName("Rotated files are zero-filled spares of the file size; every record recovers and the report is clean")
    void spareFilesAreUsedAndRecoverClean() throws Exception {
        JournalConfig config = JournalConfig.file(dir).withJournalFileSize(FILE_SIZE);
        try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
            append(j, 1, 400);
        }
        List<Path> journal = files("journal-*.dat");
        assertThat(journal).hasSizeGreaterThan(3);
        long fullSize = journal.stream().filter(p -> size(p) == FILE_SIZE).count();
        assertThat(fullSize).as("files that came from a spare have the whole file size on disk").isGreaterThan(0);
        assertThat(files("spare-*.tmp")).as("no spare is left after close").isEmpty();
        List<LiveRecord> recovered = new ArrayList<>();
        try (Journal j = Journals.open(config, recovered::add)) {
            assertThat(j.recoveryReport().isClean()).isTrue();
            append(j, 1000, 200);
        }
        assertThat(recovered).hasSize(400);
        List<LiveRecord> again = new ArrayList<>();
        try (Journal j = Journals.open(config, again::add)) {
            assertThat(j.recoveryReport().isClean()).isTrue();
        }
        assertThat(again).hasSize(600);
    }

    @Test
    @DisplayName("Issue #15: a journal's first (plain) file is grown ahead of its data with zeros, so appends change "
            + "no file size; it recovers clean. Without preallocation it ends with its data")
    void firstFileIsZeroedAhead() throws Exception {
        JournalConfig config = JournalConfig.file(dir.resolve("ahead")).withJournalFileSize(8 << 20);
        try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
            append(j, 1, 3);
        }
        Path first = dir.resolve("ahead").resolve(Recovery.fileName(1));
        assertThat(size(first)).as("zeros reach past the data").isGreaterThanOrEqualTo(Head.ZERO_AHEAD);
        List<LiveRecord> recovered = new ArrayList<>();
        try (Journal j = Journals.open(config, recovered::add)) {
            assertThat(j.recoveryReport().isClean()).isTrue();
        }
        assertThat(recovered).hasSize(3);

        JournalConfig plain = JournalConfig.file(dir.resolve("plain")).withJournalFileSize(8 << 20).withPreallocate(false);
        try (Journal j = Journals.open(plain, RecoveryListener.IGNORE)) {
            append(j, 1, 3);
        }
        assertThat(size(dir.resolve("plain").resolve(Recovery.fileName(1)))).isLessThan(4 * 1024);
    }

    @Test
    @DisplayName("When spares cannot be written (a full disk), plain files are used and nothing is lost")
    void failingPreallocationFallsBack() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        ChannelFactory noSpares = (path, options) -> {
            if (path.getFileName().toString().startsWith("spare-")) {
                refused.incrementAndGet();
                throw new IOException("No space left on device");
            }
            return FileChannel.open(path, options);
        };
        JournalConfig config = JournalConfig.file(dir).withJournalFileSize(FILE_SIZE).withChannelFactory(noSpares);
        try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
            append(j, 1, 300);
        }
        assertThat(refused.get()).as("spares were attempted").isPositive();
        assertThat(files("journal-*.dat")).hasSizeGreaterThan(1);
        assertThat(files("spare-*.tmp")).isEmpty();
        List<LiveRecord> recovered = new ArrayList<>();
        try (Journal j = Journals.open(config, recovered::add)) {
            assertThat(j.recoveryReport().isClean()).isTrue();
        }
        assertThat(recovered).hasSize(300);
    }

    @Test
    @DisplayName("A last file of zeros (a crash after a spare was renamed, before its header) is deleted; earlier records are kept")
    void zeroFileAtTheEndIsDeleted() throws Exception {
        JournalConfig config = JournalConfig.file(dir).withJournalFileSize(FILE_SIZE);
        try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
            append(j, 1, 10);
        }
        Path zeros = dir.resolve(Recovery.fileName(99));
        Files.write(zeros, new byte[FILE_SIZE]);
        Files.write(dir.resolve("spare-7.tmp"), new byte[100]);
        List<LiveRecord> recovered = new ArrayList<>();
        try (Journal j = Journals.open(config, recovered::add)) {
            assertThat(j.recoveryReport().damages()).singleElement()
                    .satisfies(d -> assertThat(d.action()).isEqualTo(RecoveryReport.Action.DELETED_INCOMPLETE_FILE));
        }
        assertThat(recovered).hasSize(10);
        assertThat(zeros).doesNotExist();
        assertThat(files("spare-*.tmp")).as("a crash's leftover spare is deleted at open").isEmpty();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
