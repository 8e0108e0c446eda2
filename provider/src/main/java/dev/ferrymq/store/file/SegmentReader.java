package dev.ferrymq.store.file;

import dev.ferrymq.store.ChannelFactory;
import dev.ferrymq.store.StoreException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Reads one journal file front to back, validating the header and every frame's length and
 * checksum, and stops at the first frame that does not validate, remembering where and why.
 *
 * <p>Threading: confined to one thread.
 */
final class SegmentReader implements Closeable {

    private static final int CHUNK = 1 << 20;

    private final Path path;
    private final long number;
    private final FileChannel channel;
    private final long fileSize;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer window = ByteBuffer.allocate(CHUNK).limit(0);
    private long windowStart;
    private long position;
    private long firstSeq;
    private long nextId;
    private String damage;

    private SegmentReader(Path path, long number, FileChannel channel) throws IOException {
        this.path = path;
        this.number = number;
        this.channel = channel;
        this.fileSize = channel.size();
    }

    static SegmentReader open(ChannelFactory factory, Path path, long number) throws IOException {
        return new SegmentReader(path, number, factory.open(path, Set.of(StandardOpenOption.READ)));
    }

    /**
     * Reads the header; on failure {@link #damage()} says why.
     *
     * @return true when the header is valid
     * @throws StoreException INCOMPATIBLE_FORMAT when the file is a FerryMQ journal of another version
     */
    boolean readHeader() throws IOException {
        if (!fill(Format.HEADER_SIZE)) {
            damage = "file is shorter (" + fileSize + " bytes) than a journal header";
            return false;
        }
        byte[] magic = new byte[Format.MAGIC.length];
        window.get(magic);
        if (!Arrays.equals(magic, Format.MAGIC)) {
            damage = "not a FerryMQ journal file (bad magic number)";
            return false;
        }
        int version = window.getInt();
        if (version != Format.VERSION) {
            throw new StoreException(StoreException.Kind.INCOMPATIBLE_FORMAT, "journal file " + path
                    + " has store format version " + version + " but this FerryMQ reads only format version "
                    + Format.VERSION + "; open the data directory with the FerryMQ version that wrote it, or move it away");
        }
        long fileNumber = window.getLong();
        firstSeq = window.getLong();
        nextId = window.getLong();
        int stored = window.getInt();
        crc.reset();
        crc.update(window.array(), window.arrayOffset() + window.position() - Format.HEADER_SIZE, Format.HEADER_SIZE - 4);
        position = Format.HEADER_SIZE;
        if ((int) crc.getValue() != stored) {
            damage = "journal header checksum mismatch";
            return false;
        }
        if (fileNumber != number) {
            damage = "header names file number " + fileNumber + " but the file name says " + number;
            return false;
        }
        return true;
    }

    /** The next record id the journal would have handed out when it created this file. */
    long nextId() {
        return nextId;
    }

    /** The op sequence the writer was at when it created this file. */
    long firstSeq() {
        return firstSeq;
    }

    /**
     * The next intact frame, or null at the end of the file or at damage ({@link #damage()} is
     * then non-null). Its add ops come without their payloads ({@link Format#decodeBody}): a
     * recovery reads back only those of records still live, once it knows which they are.
     */
    Frame next() throws IOException {
        long offset = position;
        if (offset == fileSize) {
            return null;
        }
        if (!fill(Format.FRAME_HEADER)) {
            if (restIsZero(offset)) {
                return null;
            }
            damage = "incomplete frame header (" + (fileSize - offset) + " bytes)";
            return null;
        }
        int bodyLength = window.getInt();
        int stored = window.getInt();
        if (bodyLength == 0 && stored == 0 && restIsZero(offset)) {
            return null;
        }
        if (bodyLength <= 4 || bodyLength > Format.MAX_BODY) {
            damage = bodyLength == 0 ? "zero frame length (unwritten bytes)" : "invalid frame length " + bodyLength;
            return null;
        }
        if (bodyLength > fileSize - offset - Format.FRAME_HEADER) {
            damage = "frame of " + bodyLength + " bytes runs past the end of the file";
            return null;
        }
        if (!fill(bodyLength)) {
            damage = "file ended while reading a frame";
            return null;
        }
        int bodyStart = window.position();
        if (Format.checksum(crc, number, window, bodyStart, bodyLength) != stored) {
            damage = "frame checksum mismatch";
            return null;
        }
        ByteBuffer body = window.slice(bodyStart, bodyLength);
        window.position(bodyStart + bodyLength);
        List<Format.DecodedOp> ops;
        try {
            ops = Format.decodeBody(body, false);
        } catch (RuntimeException e) {
            damage = "malformed frame with a valid checksum: " + e.getMessage();
            return null;
        }
        position = offset + Format.FRAME_HEADER + bodyLength;
        return new Frame(offset, Format.FRAME_HEADER + bodyLength, ops);
    }

    /**
     * Whether every byte from {@code offset} to the end of the file is zero: the unwritten rest
     * of a preallocated file, which ends its data cleanly.
     */
    private boolean restIsZero(long offset) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 << 10);
        long at = offset;
        while (at < fileSize) {
            chunk.clear();
            int read = channel.read(chunk, at);
            if (read < 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
            at += read;
        }
        return true;
    }

    /** Whether the whole file is zeros: a preallocated file renamed but never given its header. */
    boolean isAllZero() throws IOException {
        return restIsZero(0);
    }

    /** Why reading stopped early, or null. */
    String damage() {
        return damage;
    }

    /** The offset after the last valid frame (or header): where damage starts. */
    long position() {
        return position;
    }

    long fileSize() {
        return fileSize;
    }

    private boolean fill(int n) throws IOException {
        if (window.remaining() >= n) {
            return true;
        }
        long readFrom = windowStart + window.limit();
        if (window.capacity() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(n, window.capacity() * 2));
            bigger.put(window).flip();
            windowStart = readFrom - bigger.remaining();
            window = bigger;
        } else {
            windowStart = readFrom - window.remaining();
            window.compact().flip();
        }
        while (window.remaining() < n && readFrom < fileSize) {
            int oldLimit = window.limit();
            ByteBuffer target = window.duplicate().limit(window.capacity()).position(oldLimit);
            int read = channel.read(target, readFrom);
            if (read < 0) {
                break;
            }
            readFrom += read;
            window.limit(oldLimit + read);
        }
        return window.remaining() >= n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** One intact frame: its offset, total size and ops. */
    record Frame(long offset, int size, List<Format.DecodedOp> ops) {
    }
}
