package dev.ferrymq.benchmarks.scenarios;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The disk's single-writer sync rate, without JMS: one thread writes a record of
 * {@value #RECORD_BYTES} bytes (a 1 KiB message with a journal frame's overhead) and forces it
 * ({@link FileChannel#force(boolean) force(false)}, i.e. fdatasync) in a loop, into a file filled
 * with zeros beforehand (as FerryMQ's journal preallocates its files), so each force flushes data
 * only. The file lives in a new temporary directory under {@code java.io.tmpdir}, the file system
 * that holds both providers' data directories, and is deleted afterwards. Stateless; each call is
 * independent and runs on the calling thread.
 */
final class FsyncProbe {

    /** Bytes per write: a 1 KiB body plus about what a journal frame adds around it. */
    static final int RECORD_BYTES = Payload.SIZE + 128;

    private static final int FILE_BYTES = 16 << 20;

    private FsyncProbe() {
    }

    /**
     * Writes and forces for {@code duration} (wrapping around in the preallocated file) and
     * returns the number of write+force rounds per second.
     */
    static double rate(Duration duration) throws IOException {
        Path dir = Files.createTempDirectory("ferrymq-bench-fsync-");
        Path file = dir.resolve("probe.dat");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            preallocate(ch);
            ByteBuffer record = ByteBuffer.allocateDirect(RECORD_BYTES);
            for (int i = 0; i < RECORD_BYTES; i++) {
                record.put((byte) ('a' + i % 26));
            }
            long rounds = 0;
            long position = 0;
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long now;
            do {
                if (position + RECORD_BYTES > FILE_BYTES) {
                    position = 0;
                }
                record.clear();
                while (record.hasRemaining()) {
                    position += ch.write(record, position);
                }
                ch.force(false);
                rounds++;
                now = System.nanoTime();
            } while (now < end);
            return rounds / ((now - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void preallocate(FileChannel ch) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        for (long at = 0; at < FILE_BYTES; at += zeros.capacity()) {
            zeros.clear();
            while (zeros.hasRemaining()) {
                ch.write(zeros, at + zeros.position());
            }
        }
        ch.force(true);
    }
}
