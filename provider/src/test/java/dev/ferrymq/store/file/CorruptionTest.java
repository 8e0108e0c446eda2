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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damage inside the journal (bit rot, a bad sector, a stray write): the store still starts,
 * with everything before the damage and the files after it, and says what it skipped. Spec
 * "Reliability".
 */
class CorruptionTest {

    @TempDir
    Path dir;

    private static final int FILE_SIZE = 8 * 1024;
    private static final int RECORDS = 60;

    private JournalConfig config() {
        return JournalConfig.file(dir).withJournalFileSize(FILE_SIZE);
    }

    /** 60 records of ~500 bytes: about 15 per file, in 4+ files. */
    private void writeRecords() throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            for (long id = 1; id <= RECORDS; id++) {
                j.append(Batch.add(id, (byte) 1, new byte[500])).get();
            }
        }
    }

    /** The ids in each frame of file {@code number}, in order, and the frames' offsets. */
    private List<SegmentReader.Frame> frames(long number) throws IOException {
        List<SegmentReader.Frame> frames = new ArrayList<>();
        try (SegmentReader r = SegmentReader.open(ChannelFactory.DEFAULT, dir.resolve(Recovery.fileName(number)), number)) {
            assertThat(r.readHeader()).isTrue();
            SegmentReader.Frame f;
            while ((f = r.next()) != null) {
                frames.add(f);
            }
        }
        return frames;
    }

    private void flipByte(long number, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve(Recovery.fileName(number)), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            ch.write(b, offset);
        }
    }

    private Set<Long> recover(List<RecoveryReport> reports) {
        Set<Long> ids = new HashSet<>();
        try (Journal j = Journals.open(config(), (LiveRecord r) -> ids.add(r.id()))) {
            reports.add(j.recoveryReport());
        }
        return ids;
    }

    @Test
    @DisplayName("Reliability: a checksum mismatch in a middle file keeps the records before it and all later files, reports the rest, every start")
    void corruptionInMiddleFile() throws Exception {
        writeRecords();
        List<SegmentReader.Frame> second = frames(2);
        assertThat(second).hasSizeGreaterThan(4);
        SegmentReader.Frame damaged = second.get(3);
        flipByte(2, damaged.offset() + 40);
        Set<Long> lost = new HashSet<>();
        for (SegmentReader.Frame f : second.subList(3, second.size())) {
            lost.add(f.ops().get(0).id());
        }

        for (int start = 0; start < 2; start++) {
            List<RecoveryReport> reports = new ArrayList<>();
            Set<Long> ids = recover(reports);
            Set<Long> expected = new HashSet<>();
            for (long id = 1; id <= RECORDS; id++) {
                if (!lost.contains(id)) {
                    expected.add(id);
                }
            }
            assertThat(ids).as("start %d", start).isEqualTo(expected);
            assertThat(reports.get(0).damages()).singleElement().satisfies(d -> {
                assertThat(d.file().getFileName().toString()).isEqualTo(Recovery.fileName(2));
                assertThat(d.offset()).isEqualTo(damaged.offset());
                assertThat(d.reason()).contains("checksum");
                assertThat(d.action()).isEqualTo(RecoveryReport.Action.SKIPPED_REST_OF_FILE);
                assertThat(d.toString()).contains(Recovery.fileName(2), "checksum", "later files were read");
            });
        }
    }

    @Test
    @DisplayName("Reliability: a damaged header skips that whole file, keeps it, and reads the others")
    void damagedHeaderSkipsFile() throws Exception {
        writeRecords();
        Set<Long> inSecond = new HashSet<>();
        for (SegmentReader.Frame f : frames(2)) {
            inSecond.add(f.ops().get(0).id());
        }
        flipByte(2, 0);
        List<RecoveryReport> reports = new ArrayList<>();
        Set<Long> ids = recover(reports);
        assertThat(ids).hasSize(RECORDS - inSecond.size()).doesNotContainAnyElementsOf(inSecond);
        assertThat(reports.get(0).damages()).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(RecoveryReport.Action.SKIPPED_FILE);
            assertThat(d.reason()).contains("magic");
        });
        assertThat(dir.resolve(Recovery.fileName(2))).exists();
    }

    @Test
    @DisplayName("Reliability: damage in the middle of the last file truncates it there; appending goes on")
    void corruptionInLastFile() throws Exception {
        writeRecords();
        long last;
        try (var s = java.nio.file.Files.list(dir)) {
            last = s.map(p -> Recovery.FILE_NAME.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches).mapToLong(m -> Long.parseLong(m.group(1))).max().orElseThrow();
        }
        List<SegmentReader.Frame> frames = frames(last);
        SegmentReader.Frame damaged = frames.get(frames.size() / 2);
        flipByte(last, damaged.offset() + 30);
        List<RecoveryReport> reports = new ArrayList<>();
        Set<Long> ids = recover(reports);
        assertThat(ids).hasSize(RECORDS - (frames.size() - frames.size() / 2));
        assertThat(reports.get(0).damages()).singleElement().satisfies(d ->
                assertThat(d.action()).isEqualTo(RecoveryReport.Action.TRUNCATED));

        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            assertThat(j.recoveryReport().isClean()).isTrue();
            j.append(Batch.add(1000, (byte) 1, new byte[10])).get();
        }
        assertThat(recover(new ArrayList<>())).contains(1000L);
    }
}
