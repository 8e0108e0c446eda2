package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.RecoveryReport;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash can cut the last write anywhere. Spec "Transactions": a committed batch is all or
 * nothing, and a cut write never loses what was written before it.
 */
class TornWriteTest {

    @TempDir
    Path root;

    private static final int BATCHES = 4;

    /**
     * Writes BATCHES batches of three records each into {@code dir}; returns the last batch's
     * frame size. Without preallocation, so the file ends where the last batch ends (zero tails
     * have a test of their own below).
     */
    private static int writeBatches(Path dir) throws Exception {
        Batch last = null;
        try (Journal j = Journals.open(JournalConfig.file(dir).withPreallocate(false), RecoveryListener.IGNORE)) {
            for (int b = 0; b < BATCHES; b++) {
                Batch.Builder builder = Batch.builder();
                for (int r = 0; r < 3; r++) {
                    long id = b * 10L + r;
                    builder.add(id, (byte) b, ("batch " + b + " record " + r).getBytes());
                }
                last = builder.build();
                j.append(last).get();
            }
        }
        return Format.frameSize(last);
    }

    private static Path onlyFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".dat")).toList();
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.copy(onlyFile(from), to.resolve(onlyFile(from).getFileName()));
    }

    private static List<LiveRecord> recover(Path dir, List<RecoveryReport> reports) {
        List<LiveRecord> records = new ArrayList<>();
        try (Journal j = Journals.open(JournalConfig.file(dir), records::add)) {
            reports.add(j.recoveryReport());
        }
        return records;
    }

    @Test
    @Timeout(120)
    @DisplayName("Transactions: cutting the file at every byte of the last batch recovers all earlier batches and none or all of the last")
    void cutAtEveryByteOfTheLastBatch() throws Exception {
        Path original = root.resolve("original");
        int lastFrame = writeBatches(original);
        long fileSize = Files.size(onlyFile(original));
        long lastStart = fileSize - lastFrame;

        for (long c = lastStart; c <= fileSize; c++) {
            long cut = c;
            Path dir = root.resolve("cut-" + cut);
            copy(original, dir);
            try (FileChannel ch = FileChannel.open(onlyFile(dir), StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            List<RecoveryReport> reports = new ArrayList<>();
            List<LiveRecord> records = recover(dir, reports);

            int expectedBatches = cut == fileSize ? BATCHES : BATCHES - 1;
            assertThat(records).as("cut at %d", cut).hasSize(expectedBatches * 3);
            assertThat(records).extracting(LiveRecord::id).as("cut at %d", cut)
                    .allMatch(id -> id / 10 < expectedBatches);
            if (cut == lastStart || cut == fileSize || zeros(original, lastStart, cut)) {
                // a tail of zeros reads as the unwritten end of a preallocated file: a clean end
                assertThat(reports.get(0).isClean()).as("cut at %d", cut).isTrue();
            } else {
                assertThat(reports.get(0).damages()).as("cut at %d", cut).singleElement().satisfies(d -> {
                    assertThat(d.action()).isEqualTo(RecoveryReport.Action.TRUNCATED);
                    assertThat(d.offset()).isEqualTo(lastStart);
                    assertThat(d.bytesSkipped()).isEqualTo(cut - lastStart);
                });
            }
            List<RecoveryReport> again = new ArrayList<>();
            assertThat(recover(dir, again)).as("second recovery after cut at %d", cut).hasSize(expectedBatches * 3);
            assertThat(again.get(0).isClean()).as("the torn tail was cut off for good").isTrue();
        }
    }

    /** Whether bytes {@code [from, to)} of the only file in {@code dir} are all zero. */
    private static boolean zeros(Path dir, long from, long to) throws IOException {
        byte[] all = Files.readAllBytes(onlyFile(dir));
        for (long i = from; i < to; i++) {
            if (all[(int) i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    @DisplayName("Reliability: zeros after the last batch are the unwritten rest of a preallocated file: a clean end, every batch kept")
    void zeroTailIsACleanEnd() throws Exception {
        Path dir = root.resolve("zeros");
        writeBatches(dir);
        Path file = onlyFile(dir);
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[100_000]), size);
        }
        List<RecoveryReport> reports = new ArrayList<>();
        assertThat(recover(dir, reports)).hasSize(BATCHES * 3);
        assertThat(reports.get(0).isClean()).isTrue();
    }

    @Test
    @DisplayName("Reliability: garbage after the last batch, or zeros followed by garbage (a write that never completed), is cut off, earlier batches kept")
    void garbageTailIsTruncated() throws Exception {
        for (byte fill : new byte[]{0, (byte) 0x5A}) {
            Path dir = root.resolve("fill-" + fill);
            writeBatches(dir);
            Path file = onlyFile(dir);
            long size = Files.size(file);
            byte[] tail = new byte[300];
            java.util.Arrays.fill(tail, fill);
            tail[299] = 1;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(tail), size);
            }
            List<RecoveryReport> reports = new ArrayList<>();
            assertThat(recover(dir, reports)).hasSize(BATCHES * 3);
            assertThat(reports.get(0).damages()).singleElement().satisfies(d -> {
                assertThat(d.action()).isEqualTo(RecoveryReport.Action.TRUNCATED);
                assertThat(d.offset()).isEqualTo(size);
                assertThat(d.bytesSkipped()).isEqualTo(300);
            });
        }
    }

    @Test
    @DisplayName("Reliability: a last file cut inside its header (crash while creating it) is deleted and reported")
    void incompleteNewFileIsDeleted() throws Exception {
        Path dir = root.resolve("header");
        writeBatches(dir);
        Path partial = dir.resolve(Recovery.fileName(99));
        Files.write(partial, new byte[]{'F', 'E', 'R'});
        List<RecoveryReport> reports = new ArrayList<>();
        assertThat(recover(dir, reports)).hasSize(BATCHES * 3);
        assertThat(reports.get(0).damages()).singleElement().satisfies(d ->
                assertThat(d.action()).isEqualTo(RecoveryReport.Action.DELETED_INCOMPLETE_FILE));
        assertThat(partial).doesNotExist();
    }
}
