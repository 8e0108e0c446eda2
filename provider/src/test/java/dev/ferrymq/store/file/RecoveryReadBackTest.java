package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.SyncPolicy;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery skips the add payloads while it scans and reads back those of live records afterwards,
 * in chunks ({@link Recovery#CHUNK_RECORDS}): every live record still comes back once, in append
 * order, with its own payload and updates, across chunk boundaries, several files and frames
 * larger than one read ({@code LiveOpReader}'s limit).
 */
@Timeout(60)
class RecoveryReadBackTest {

    @TempDir
    Path dir;

    private JournalConfig config() {
        return JournalConfig.file(dir).withJournalFileSize(4 << 20).withSyncPolicy(SyncPolicy.NEVER);
    }

    private static byte[] payload(long id, int size) {
        return ByteBuffer.allocate(size).putLong(id).putLong(size).array();
    }

    @Test
    @DisplayName("Live records come back once each, in append order, with their payloads and updates")
    void liveRecordsComeBackInOrder() throws Exception {
        List<Long> expected = new ArrayList<>();
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            Batch.Builder big = Batch.builder();
            for (long id = 1; id <= 3_000; id++) {
                big.add(id, (byte) 1, payload(id, 1024));
                expected.add(id);
            }
            j.append(big.build()).get();
            long id = 3_000;
            for (int batch = 0; batch < 1_500; batch++) {
                Batch.Builder b = Batch.builder();
                for (int k = 0; k < 10; k++) {
                    id++;
                    b.add(id, (byte) 1, payload(id, 100 + (int) (id % 300)));
                    expected.add(id);
                }
                j.append(b.build()).get();
            }
            for (long d = 2; d <= id; d += 3) {
                j.append(Batch.delete(d)).get();
                expected.remove(Long.valueOf(d));
            }
            for (long u = 5; u <= id; u += 5) {
                if (u % 3 != 2) {
                    j.append(Batch.update(u, (byte) 2, payload(-u, 16))).get();
                }
            }
        }
        List<LiveRecord> recovered = new ArrayList<>();
        try (Journal j = Journals.open(config(), recovered::add)) {
            assertThat(j.recoveryReport().isClean()).isTrue();
            assertThat(j.recoveryReport().liveRecords()).isEqualTo(expected.size());
        }
        assertThat(expected.size()).isGreaterThan(Recovery.CHUNK_RECORDS);
        assertThat(recovered).extracting(LiveRecord::id).containsExactlyElementsOf(expected);
        for (LiveRecord r : recovered) {
            ByteBuffer p = ByteBuffer.wrap(r.payload());
            assertThat(p.getLong()).isEqualTo(r.id());
            assertThat(r.payload()).hasSize((int) p.getLong());
            if (r.id() % 5 == 0) {
                assertThat(r.updates()).singleElement()
                        .satisfies(u -> assertThat(ByteBuffer.wrap(u.payload()).getLong()).isEqualTo(-r.id()));
            } else {
                assertThat(r.updates()).isEmpty();
            }
        }
    }
}
