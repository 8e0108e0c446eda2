package dev.ferrymq.store.file;

import dev.ferrymq.store.ChannelFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The journal file being appended to. A new file is started on open, when the current one is
 * full, and after a write failure (the failed file is cut back to its last good frame and left).
 * A new file is a {@link Preallocator} spare when one is ready (its zero tail marks the end of
 * the data), otherwise an empty file that grows as it is written. With preallocation on, such a
 * plain file (the first one of a journal, or one started before a spare was ready) is grown
 * ahead of its data by {@value #ZERO_AHEAD} bytes of zeros at a time, written in the same round
 * as the data that needs them: so most rounds' fdatasync flushes data only, as in a spare,
 * instead of also the file's new size (about twice as long on ext4), without writing a whole
 * file of zeros before a journal's first append.
 *
 * <p>Threading: used only by the holder of the journal's write permit ({@link JournalWriter}).
 */
final class Head {

    /** How far ahead of the data a plain file is filled with zeros, with preallocation on. */
    static final int ZERO_AHEAD = 1 << 20;
    private static final int MAX_REOPENINGS = 1000;

    private final Path directory;
    private final ChannelFactory channels;
    private final LiveIndex index;
    private final int fileSize;
    private final LongSupplier nextId;
    private final Preallocator preallocator;
    private long nextNumber;
    private FileChannel channel;
    private LiveIndex.Segment segment;
    private long position;
    /** Where the current file's written bytes (data or zeros) end; the file size for a spare. */
    private long zeroedTo;
    private ByteBuffer zeros;
    private long forces;
    /** Times the current file was opened again after an interrupt closed it; bounded, so a thread interrupted in a loop cannot spin here. */
    private int reopenings;
    private boolean absorbedInterrupt;

    /** @param preallocator where new files come from when it has one ready; null: always plain files */
    Head(Path directory, ChannelFactory channels, LiveIndex index, int fileSize, long nextNumber, LongSupplier nextId,
         Preallocator preallocator) {
        this.nextId = nextId;
        this.preallocator = preallocator;
        this.directory = directory;
        this.channels = channels;
        this.index = index;
        this.fileSize = fileSize;
        this.nextNumber = nextNumber;
    }

    /** The current file, or null when none is open. */
    LiveIndex.Segment segment() {
        return segment;
    }

    long position() {
        return position;
    }

    long forces() {
        return forces;
    }

    /**
     * Makes sure a file with room for {@code frameBytes} more (beyond {@code buffered} bytes not
     * yet written) is open. Returns false when the current file is full: the caller writes what it
     * buffered, then calls {@link #rotate}.
     */
    boolean hasRoom(int frameBytes, int buffered) {
        long used = position + buffered;
        return channel == null || used + frameBytes <= fileSize || used == Format.HEADER_SIZE;
    }

    /** Opens a new file if none is open; {@code nextSeq} goes into its header. */
    void ensureOpen(long nextSeq) throws IOException {
        if (channel != null) {
            return;
        }
        long number = nextNumber;
        Path path = directory.resolve(Recovery.fileName(number));
        FileChannel ch = openSpare(path);
        long filled = fileSize;
        if (ch == null) {
            filled = Format.HEADER_SIZE;
            ch = channels.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
        }
        try {
            ByteBuffer header = Format.header(number, nextSeq, nextId.getAsLong());
            while (header.hasRemaining()) {
                ch.write(header, header.position());
            }
            ch.force(true);
            forces++;
            syncDirectory();
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(path);
            throw e;
        }
        nextNumber++;
        reopenings = 0;
        channel = ch;
        position = Format.HEADER_SIZE;
        zeroedTo = filled;
        segment = new LiveIndex.Segment(number, path, Format.HEADER_SIZE);
        index.addSegment(segment);
    }

    /** A ready spare renamed to {@code path} and opened, or null. */
    private FileChannel openSpare(Path path) {
        Path spare = preallocator == null ? null : preallocator.take();
        if (spare == null) {
            return null;
        }
        try {
            Files.move(spare, path, StandardCopyOption.ATOMIC_MOVE);
            return channels.open(path, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            System.getLogger("dev.ferrymq.store").log(System.Logger.Level.DEBUG, "journal: spare file unusable", e);
            try {
                Files.deleteIfExists(spare);
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover spare is deleted at the next open; a leftover zero file at recovery
            }
            return null;
        }
    }

    /** Forces (unless {@code force} is false) and closes the current file; the next write starts a new one. */
    void rotate(boolean force) throws IOException {
        if (channel == null) {
            return;
        }
        try {
            if (force) {
                force();
            }
        } finally {
            channel.close();
            channel = null;
            segment = null;
        }
    }

    /** Writes all of {@code buffer} at the end of the current file. */
    void write(ByteBuffer buffer) throws IOException {
        if (preallocator != null && position + buffer.remaining() > zeroedTo && zeroedTo < fileSize) {
            try {
                zeroAhead(position + buffer.remaining());
            } catch (IOException e) {
                // zeros are only ever a saving: on a (nearly) full disk this file grows with its data
                zeroedTo = fileSize;
                System.getLogger("dev.ferrymq.store").log(System.Logger.Level.DEBUG,
                        "journal: cannot grow " + segment.path + " ahead with zeros", e);
            }
        }
        int start = buffer.position();
        long at = position;
        while (true) {
            try {
                while (buffer.hasRemaining()) {
                    at += channel.write(buffer, at);
                }
                break;
            } catch (ClosedChannelException e) {
                reopenAfterInterrupt(e);
                buffer.position(start);
                at = position;
            }
        }
        index.grow(segment, at - position);
        position = at;
        if (preallocator != null && position > fileSize / 2) {
            preallocator.prepareAhead();
        }
    }

    void force() throws IOException {
        while (true) {
            try {
                channel.force(false);
                forces++;
                return;
            } catch (ClosedChannelException e) {
                reopenAfterInterrupt(e);
            }
        }
    }

    /**
     * Whether an interrupt of the writing thread was absorbed since the last call (and clears
     * that): the permit holder sets its interrupt status again once its round is done.
     */
    boolean takeAbsorbedInterrupt() {
        boolean was = absorbedInterrupt;
        absorbedInterrupt = false;
        return was;
    }

    /**
     * A {@link FileChannel} closes itself when the thread using it is interrupted. An appender
     * writing its own round is an application thread, which may be interrupted at any time: then
     * its interrupt is absorbed (cleared, and set again after the round), the file opened again
     * and the operation repeated (writing the same bytes at the same place again is harmless).
     * A channel closed while the thread was not interrupted is rethrown.
     */
    private void reopenAfterInterrupt(ClosedChannelException e) throws IOException {
        if (reopenings >= MAX_REOPENINGS || !Thread.interrupted()) {
            throw e;
        }
        reopenings++;
        absorbedInterrupt = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed by the interrupt already
        }
        channel = channels.open(segment.path, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    /**
     * After a failed write or force: cuts the file back to {@code goodPosition} (best effort; a
     * tail that cannot be cut is skipped by recovery as damage, and nothing after it was
     * acknowledged) and closes it, so the next write starts a new file.
     */
    void abandon(long goodPosition) {
        if (channel == null) {
            return;
        }
        LiveIndex.Segment s = segment;
        try {
            channel.truncate(goodPosition);
            channel.force(false);
            index.setSize(s, goodPosition);
        } catch (IOException | RuntimeException e) {
            System.getLogger("dev.ferrymq.store").log(System.Logger.Level.WARNING,
                    "journal: cannot cut " + s.path + " back to " + goodPosition + " bytes after a failed write: " + e);
        }
        try {
            channel.close();
        } catch (IOException e) {
            System.getLogger("dev.ferrymq.store").log(System.Logger.Level.WARNING, "journal: closing " + s.path, e);
        }
        channel = null;
        segment = null;
    }

    /** Fills the current file with zeros from where its bytes end to {@link #ZERO_AHEAD} past {@code dataEnd}. */
    private void zeroAhead(long dataEnd) throws IOException {
        long end = Math.min(fileSize, Math.max(dataEnd, zeroedTo) + ZERO_AHEAD);
        if (zeros == null) {
            zeros = ByteBuffer.allocateDirect(ZERO_AHEAD);
        }
        long at = zeroedTo;
        while (at < end) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), end - at));
            while (zeros.hasRemaining()) {
                at += channel.write(zeros, at);
            }
        }
        zeroedTo = end;
    }

    /** Forces the directory so that a newly created file's name survives a power loss. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; there the file system orders metadata itself.
            System.getLogger("dev.ferrymq.store").log(System.Logger.Level.DEBUG, "journal: directory force", e);
        }
    }

    void close(boolean force) throws IOException {
        try {
            rotate(force);
        } finally {
            if (preallocator != null) {
                preallocator.close();
            }
        }
    }
}
