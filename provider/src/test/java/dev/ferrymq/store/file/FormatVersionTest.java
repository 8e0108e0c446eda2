package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A data directory written by an incompatible store format is refused with a clear error. */
class FormatVersionTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("Reliability: a journal file of another format version fails open with INCOMPATIBLE_FORMAT naming file and versions")
    void otherVersionIsRefused() throws Exception {
        try (Journal j = Journals.open(JournalConfig.file(dir), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[3])).get();
        }
        Path file = dir.resolve(Recovery.fileName(1));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, 99), Format.MAGIC.length);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> Journals.open(JournalConfig.file(dir), RecoveryListener.IGNORE))
                    .isInstanceOfSatisfying(StoreException.class, e ->
                            assertThat(e.kind()).isEqualTo(StoreException.Kind.INCOMPATIBLE_FORMAT))
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("version 99")
                    .hasMessageContaining("format version 1");
        }
    }

    @Test
    @DisplayName("The header names magic, version, file number, first sequence and next id; a fresh file starts with it")
    void headerLayout() throws Exception {
        long issued;
        try (Journal j = Journals.open(JournalConfig.file(dir), RecoveryListener.IGNORE)) {
            for (int i = 0; i < 5; i++) {
                j.nextId();
            }
            issued = j.nextId();
            j.append(Batch.add(1, (byte) 1, new byte[3])).get();
        }
        ByteBuffer header = ByteBuffer.allocate(Format.HEADER_SIZE);
        try (FileChannel ch = FileChannel.open(dir.resolve(Recovery.fileName(1)), StandardOpenOption.READ)) {
            ch.read(header, 0);
        }
        byte[] magic = new byte[8];
        header.flip().get(magic);
        assertThat(new String(magic, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("FERRYMQJ");
        assertThat(header.getInt()).isEqualTo(1);
        assertThat(header.getLong()).isEqualTo(1);
        assertThat(header.getLong()).as("first op sequence").isEqualTo(1);
        assertThat(header.getLong()).as("next id when the file was created").isEqualTo(issued + 1);
    }

    @Test
    @DisplayName("nextId never repeats an id written before a restart, even when its records were all reclaimed")
    void nextIdSurvivesReclamation() throws Exception {
        long last = 0;
        JournalConfig config = JournalConfig.file(dir).withJournalFileSize(4096);
        try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
            for (int i = 0; i < 100; i++) {
                long id = j.nextId();
                j.append(Batch.add(id, (byte) 1, new byte[500])).get();
                j.append(Batch.delete(id)).get();
                last = id;
            }
        }
        for (int restart = 0; restart < 3; restart++) {
            try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
                long next = j.nextId();
                assertThat(next).isGreaterThan(last);
                j.append(Batch.add(next, (byte) 1, new byte[1])).get();
                j.append(Batch.delete(next)).get();
                last = next;
            }
        }
    }
}
