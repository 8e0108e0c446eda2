package dev.ferrymq.store.file;

import dev.ferrymq.store.ChannelFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Reads the live ops of one journal file straight from the offsets the {@link LiveIndex} keeps,
 * so relocating them costs about the size of their frames rather than the file's. The frame is
 * what a checksum covers, so each op's whole frame is read and its checksum checked (a copy gets
 * a fresh checksum, so damage must be caught before copying), then the op is decoded and compared
 * with what the index expects. Frames lying close together are read with one positional read.
 *
 * <p>Threading: confined to one thread: the writer, or the opening thread during recovery.
 */
final class LiveOpReader {

    /** Frames at most this far apart are read together: cheaper than another read call. */
    private static final int MERGE_GAP = 4 << 10;
    /**
     * Reads of merged frames stop growing at this size (a single larger frame is read whole, once
     * for all of its ops that are asked for).
     */
    private static final int READ_LIMIT = 1 << 20;
    private static final int INITIAL_BUFFER = 64 << 10;

    private final ChannelFactory channels;
    private final CRC32C crc = new CRC32C();
    private final boolean keepBuffer;
    private ByteBuffer buf = ByteBuffer.allocate(INITIAL_BUFFER);

    LiveOpReader(ChannelFactory channels) {
        this(channels, false);
    }

    /**
     * With {@code keepBuffer} a buffer grown for a large frame is kept for the next {@link #read}
     * (recovery reads many chunks in a row); otherwise each read gives it up (the writer lives long).
     */
    LiveOpReader(ChannelFactory channels, boolean keepBuffer) {
        this.channels = channels;
        this.keepBuffer = keepBuffer;
    }

    /** The file does not hold what the index says was written there. */
    static final class Unreadable extends Exception {
        private final long offset;

        Unreadable(String reason, long offset) {
            super(reason, null, false, false);
            this.offset = offset;
        }

        /** Where in the file the problem was found. */
        long offset() {
            return offset;
        }
    }

    /**
     * Reads {@code ops}, live ops of {@code seg} sorted by offset, and returns their decoded
     * contents in the same order.
     *
     * @throws Unreadable when a frame or op is not what was written (damage, a shortened file)
     * @throws IOException when reading fails
     */
    List<Format.DecodedOp> read(LiveIndex.Segment seg, List<LiveIndex.Op> ops) throws IOException, Unreadable {
        List<Format.DecodedOp> decoded = new ArrayList<>(ops.size());
        try (FileChannel ch = channels.open(seg.path, Set.of(StandardOpenOption.READ))) {
            int i = 0;
            while (i < ops.size()) {
                long start = ops.get(i).frameOffset();
                long end = start + ops.get(i).frameSize();
                int j = i + 1;
                while (j < ops.size()) {
                    LiveIndex.Op next = ops.get(j);
                    long nextEnd = Math.max(end, next.frameOffset() + next.frameSize());
                    if (next.frameOffset() > end + MERGE_GAP || (nextEnd > end && nextEnd - start > READ_LIMIT)) {
                        break;
                    }
                    end = nextEnd;
                    j++;
                }
                fill(ch, start, (int) (end - start));
                long checkedFrame = -1;
                for (int k = i; k < j; k++) {
                    LiveIndex.Op op = ops.get(k);
                    if (op.frameOffset() != checkedFrame) {
                        checkFrame(op, start, seg.number);
                        checkedFrame = op.frameOffset();
                    }
                    decoded.add(decode(op, start));
                }
                i = j;
            }
        } finally {
            if (!keepBuffer && buf.capacity() > READ_LIMIT) {
                buf = ByteBuffer.allocate(INITIAL_BUFFER);
            }
        }
        return decoded;
    }

    /** Reads {@code length} bytes at {@code start} into the buffer's first bytes. */
    private void fill(FileChannel ch, long start, int length) throws IOException, Unreadable {
        if (buf.capacity() < length) {
            buf = ByteBuffer.allocate(length);
        }
        buf.clear().limit(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, start + buf.position()) < 0) {
                long at = start + buf.position();
                throw new Unreadable("the file ends at " + at + " bytes, inside a frame holding live records", at);
            }
        }
    }

    private void checkFrame(LiveIndex.Op op, long start, long segment) throws Unreadable {
        int at = (int) (op.frameOffset() - start);
        int bodyLength = buf.getInt(at);
        int stored = buf.getInt(at + 4);
        if (bodyLength != op.frameSize() - Format.FRAME_HEADER) {
            throw new Unreadable("frame length " + bodyLength + " where a frame of "
                    + (op.frameSize() - Format.FRAME_HEADER) + " bytes was written", op.frameOffset());
        }
        if (Format.checksum(crc, segment, buf, at + Format.FRAME_HEADER, bodyLength) != stored) {
            throw new Unreadable("frame checksum mismatch", op.frameOffset());
        }
    }

    private Format.DecodedOp decode(LiveIndex.Op op, long start) throws Unreadable {
        int frameEnd = (int) (op.frameOffset() + op.frameSize() - start);
        int at = (int) (op.offset() - start);
        Format.DecodedOp d;
        int filled = buf.limit();
        try {
            d = Format.decodeOp(buf.limit(frameEnd).position(at));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("malformed op with a valid frame checksum: " + e.getMessage(), op.offset());
        } finally {
            buf.limit(filled);
        }
        if (d.kind() != op.kind || d.seq() != op.seq || d.id() != op.id || d.size() != op.size) {
            throw new Unreadable("expected op " + op.seq + " (kind " + op.kind + ", id " + op.id + ", " + op.size
                    + " bytes) but found op " + d.seq() + " (kind " + d.kind() + ", id " + d.id() + ", " + d.size()
                    + " bytes)", op.offset());
        }
        return d;
    }
}
