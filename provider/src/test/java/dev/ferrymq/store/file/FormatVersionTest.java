package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.StoreException;
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
        try (Journal j = Journal.open(JournalConfig.file(dir), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[3])).get();
        }
        Path file = dir.resolve(Recovery.fileName(1));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, 99), Format.MAGIC.length);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> Journal.open(JournalConfig.file(dir), RecoveryListener.IGNORE))
                    .isInstanceOfSatisfying(StoreException.class, e ->
                            assertThat(e.kind()).isEqualTo(StoreException.Kind.INCOMPATIBLE_FORMAT))
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("version 99")
                    .hasMessageContaining("format version 1");
        }
    }

    @Test
    @DisplayName("The header names magic, version and file number; a fresh file starts with it")
    void headerLayout() throws Exception {
        try (Journal j = Journal.open(JournalConfig.file(dir), RecoveryListener.IGNORE)) {
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
    }
}
