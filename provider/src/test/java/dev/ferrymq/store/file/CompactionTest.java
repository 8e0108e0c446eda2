package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;
import dev.ferrymq.store.ChannelFactory;
import dev.ferrymq.store.FaultyFiles;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.JournalStats;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.RecoveryReport;
import dev.ferrymq.store.SyncPolicy;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compaction reads a file's live records from the offsets the index keeps, checks them, and
 * copies them: its cost follows the live data, not the file size, and damage found on the way
 * keeps the file instead of copying bad bytes. Spec "Guaranteed delivery" / "Reliability":
 * persistent messages survive compaction and restarts intact and in order.
 */
class CompactionTest {

    private static final int FILE_SIZE = 4096;

    @TempDir
    Path dir;

    private final Logger storeLog = Logger.getLogger("dev.ferrymq.store");
    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Handler errorCapture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private long churnId = 1_000_000;

    @BeforeEach
    void captureErrors() {
        storeLog.addHandler(errorCapture);
    }

    @AfterEach
    void stopCapturing() {
        storeLog.removeHandler(errorCapture);
    }

    private JournalConfig config() {
        return JournalConfig.file(dir).withJournalFileSize(FILE_SIZE).withSyncPolicy(SyncPolicy.NEVER);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private boolean exists(long fileNumber) {
        return Files.exists(dir.resolve(Recovery.fileName(fileNumber)));
    }

    /** One dead record: added then deleted (each append waits, so the previous round's compaction ran). */
    private void churn(Journal j, int payloadBytes) throws Exception {
        long id = churnId++;
        j.append(Batch.add(id, (byte) 1, new byte[payloadBytes])).get();
        j.append(Batch.delete(id)).get();
    }

    /** The frame of the add of {@code id} in each journal file that holds one, by file number. */
    private List<long[]> addFrames(long id) throws IOException {
        List<long[]> found = new ArrayList<>();
        List<Long> numbers;
        try (Stream<Path> s = Files.list(dir)) {
            numbers = s.map(p -> Recovery.FILE_NAME.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches).map(m -> Long.parseLong(m.group(1))).sorted().toList();
        }
        for (long n : numbers) {
            try (SegmentReader r = SegmentReader.open(ChannelFactory.DEFAULT, dir.resolve(Recovery.fileName(n)), n)) {
                assertThat(r.readHeader()).isTrue();
                SegmentReader.Frame f;
                while ((f = r.next()) != null) {
                    long offset = f.offset() + Format.FRAME_HEADER + 4;
                    for (Format.DecodedOp op : f.ops()) {
                        if (op.id() == id && op.kind() == Format.ADD) {
                            found.add(new long[] {n, f.offset(), offset});
                        }
                        offset += op.size();
                    }
                }
            }
        }
        return found;
    }

    private long fileHoldingAdd(long id) throws IOException {
        List<long[]> frames = addFrames(id);
        assertThat(frames).as("copies of the add of record %d", id).hasSize(1);
        return frames.get(0)[0];
    }

    private List<LiveRecord> recover(JournalConfig config, List<RecoveryReport> reports) {
        List<LiveRecord> recovered = new ArrayList<>();
        try (Journal j = Journals.open(config, recovered::add)) {
            reports.add(j.recoveryReport());
        }
        return recovered;
    }

    /** Churns, updating record 2 every third step, until file {@code fileNumber} is gone (or 500 steps). */
    private void churnAndUpdate(Journal j, long fileNumber, List<String> expected) throws Exception {
        for (int step = 1; exists(fileNumber) && step <= 500; step++) {
            churn(j, 300);
            if (step % 3 == 0) {
                String text = "u" + expected.size();
                j.append(Batch.update(2, (byte) (expected.size() % 100), utf8(text))).get();
                expected.add(expected.size() % 100 + ":" + text);
            }
        }
    }

    private static List<String> updates(LiveRecord r) {
        return r.updates().stream().map(u -> u.type() + ":" + new String(u.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    @DisplayName("Guaranteed delivery: a few live records among many dead ones are relocated, relocated again after a restart, and recover intact with their updates in order")
    void liveRecordsRelocatedTwiceRecoverIntact() throws Exception {
        List<String> expected = new ArrayList<>();
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, utf8("one"))).get();
            j.append(Batch.builder().add(2, (byte) 2, utf8("two")).add(3, (byte) 3, utf8("three")).build()).get();
            churnAndUpdate(j, 1, expected);
            assertThat(exists(1)).as("the first file was compacted away").isFalse();
            assertThat(j.stats().compactions()).isPositive();
        }
        long first = fileHoldingAdd(1);
        assertThat(fileHoldingAdd(3)).isEqualTo(first);
        // reopened, the index comes from recovery, which must place every op where it lies
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            churnAndUpdate(j, first, expected);
            assertThat(exists(first)).as("the file holding the first copies was compacted away").isFalse();
            assertThat(j.stats().compactions()).isPositive();
            assertThat(j.stats().liveRecords()).isEqualTo(3);
        }
        assertThat(fileHoldingAdd(1)).isGreaterThan(first);
        assertThat(expected).hasSizeGreaterThan(4);
        for (int start = 0; start < 2; start++) {
            List<RecoveryReport> reports = new ArrayList<>();
            List<LiveRecord> recovered = recover(config(), reports);
            assertThat(reports.get(0).isClean()).isTrue();
            assertThat(recovered).extracting(LiveRecord::id).containsExactly(1L, 2L, 3L);
            assertThat(recovered.get(0).type()).isEqualTo((byte) 1);
            assertThat(recovered.get(0).payload()).isEqualTo(utf8("one"));
            assertThat(recovered.get(0).updates()).isEmpty();
            assertThat(recovered.get(1).payload()).isEqualTo(utf8("two"));
            assertThat(updates(recovered.get(1))).containsExactlyElementsOf(expected);
            assertThat(recovered.get(2).type()).isEqualTo((byte) 3);
            assertThat(recovered.get(2).payload()).isEqualTo(utf8("three"));
        }
        assertThat(errors).isEmpty();
    }

    @Test
    @DisplayName("Guaranteed delivery: relocating 2 live records out of a 4 MiB file reads a few KiB, not the file")
    void relocationReadsOnlyTheLiveFrames() throws Exception {
        FaultyFiles files = new FaultyFiles();
        JournalConfig config = JournalConfig.file(dir).withJournalFileSize(4 << 20).withSyncPolicy(SyncPolicy.NEVER)
                .withChannelFactory(files);
        long firstFileSize = 0;
        try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, utf8("live at the start"))).get();
            int step = 0;
            while (exists(1) && step++ < 1000) {
                churn(j, 64 << 10);
                if (step == 20) {
                    j.append(Batch.add(2, (byte) 2, utf8("live in the middle"))).get();
                }
                if (firstFileSize == 0 && exists(2)) {
                    firstFileSize = Files.size(dir.resolve(Recovery.fileName(1)));
                }
            }
            assertThat(exists(1)).as("the first file was compacted away").isFalse();
            for (int i = 0; i < 100 && j.stats().compactions() == 0; i++) {
                churn(j, 16); // the writer publishes its figures after a round: one more round shows the compaction
            }
            assertThat(j.stats().compactions()).isPositive();
            assertThat(firstFileSize).isGreaterThan(3 << 20);
            assertThat(files.bytesRead.get()).as("bytes read by compaction").isLessThan(4 << 10);
        }
        List<RecoveryReport> reports = new ArrayList<>();
        List<LiveRecord> recovered = recover(config, reports);
        assertThat(reports.get(0).isClean()).isTrue();
        assertThat(recovered).extracting(LiveRecord::id).containsExactly(1L, 2L);
        assertThat(recovered.get(0).payload()).isEqualTo(utf8("live at the start"));
        assertThat(recovered.get(1).payload()).isEqualTo(utf8("live in the middle"));
    }

    @Test
    @DisplayName("Reliability: a live record damaged on disk after it was written is caught before copying; its file is kept, other files' records survive")
    void damagedLiveRecordKeepsItsFile() throws Exception {
        damageThenCompact((file, frameOffset, opOffset) -> {
            ByteBuffer b = ByteBuffer.allocate(1);
            long at = opOffset + Format.RECORD_OVERHEAD + 10;
            file.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            file.write(b, at);
        }, "checksum");
    }

    @Test
    @DisplayName("Reliability: a file cut short after a live record was written is caught before copying and kept")
    void shortenedFileIsKept() throws Exception {
        damageThenCompact((file, frameOffset, opOffset) -> file.truncate(opOffset + 5), "file ends at");
    }

    private interface Damage {
        void apply(FileChannel file, long frameOffset, long opOffset) throws IOException;
    }

    /**
     * Record 1 lies in file 1; once file 1 is no longer appended to, {@code damage} hits it; then
     * records 2..6 are added among enough churn that file 1 would be compacted many times over.
     */
    private void damageThenCompact(Damage damage, String reason) throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[100])).get();
            int step = 0;
            while (!exists(2) && step++ < 100) {
                churn(j, 300);
            }
            long[] frame = addFrames(1).get(0);
            assertThat(frame[0]).isEqualTo(1);
            try (FileChannel file = FileChannel.open(dir.resolve(Recovery.fileName(1)), StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                damage.apply(file, frame[1], frame[2]);
            }
            for (step = 1; step <= 300; step++) {
                churn(j, 300);
                if (step % 60 == 0) {
                    long id = 1 + step / 60;
                    j.append(Batch.add(id, (byte) 1, utf8("record " + id))).get();
                }
            }
            JournalStats stats = j.stats();
            assertThat(stats.diskBytes()).as("compaction was due").isGreaterThan(2 * stats.liveBytes() + 4L * FILE_SIZE);
            assertThat(stats.compactions()).isZero();
            assertThat(exists(1)).as("the damaged file is kept").isTrue();
        }
        assertThat(errors).as("logged once").singleElement().satisfies(r ->
                assertThat(r.getMessage()).contains(Recovery.fileName(1), "became unreadable", reason));
        List<RecoveryReport> reports = new ArrayList<>();
        List<LiveRecord> recovered = recover(config(), reports);
        assertThat(recovered).extracting(LiveRecord::id).containsExactly(2L, 3L, 4L, 5L, 6L);
        for (LiveRecord r : recovered) {
            assertThat(r.payload()).isEqualTo(utf8("record " + r.id()));
        }
        assertThat(reports.get(0).damages()).singleElement().satisfies(d ->
                assertThat(d.file().getFileName().toString()).isEqualTo(Recovery.fileName(1)));
    }
}
