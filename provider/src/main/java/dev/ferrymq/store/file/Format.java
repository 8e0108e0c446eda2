package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk format of journal files, in one place. All numbers are big-endian.
 *
 * <pre>
 * file   = header frame*
 * header = magic "FERRYMQJ" (8) | formatVersion int (4) | segment number long (8)
 *        | first op sequence long (8) | next record id long (8)
 *        | crc32c of the previous 36 bytes int (4)                                      = 40 bytes
 * frame  = bodyLength int (4) | crc32c(segment number as 8 bytes, body) int (4) | body
 * body   = opCount int (4) | op*
 * op     = kind byte (1 add, 2 update, 3 delete) | sequence long | id long
 *          [add/update only: type byte | payloadLength int | payload]
 * </pre>
 *
 * <p>One frame is one {@link Batch}, so a batch is recovered whole or not at all. Every op carries
 * a journal-wide sequence number, increasing in append order; compaction copies live ops into
 * the newest file keeping their sequence, so recovery orders by sequence, not by file position.
 * The checksum covers the segment number so a frame is only valid in the file it was written to.
 * The header's next record id keeps {@code Journal.nextId()} from handing out an id again after
 * the files holding it were reclaimed (the newest file always survives).
 *
 * <p>Threading: stateless; the {@link CRC32C} passed in belongs to the calling thread.
 */
final class Format {

    static final byte[] MAGIC = "FERRYMQJ".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_SIZE = 40;
    static final int FRAME_HEADER = 8;
    static final byte ADD = 1;
    static final byte UPDATE = 2;
    static final byte DELETE = 3;
    static final int DELETE_SIZE = 17;
    static final int RECORD_OVERHEAD = 22;
    static final int MAX_BODY = Batch.MAX_BYTES + (64 << 20);

    private Format() {
    }

    /** Encoded size of one op. */
    static int opSize(Batch.OpKind kind, int payloadLength) {
        return kind == Batch.OpKind.DELETE ? DELETE_SIZE : RECORD_OVERHEAD + payloadLength;
    }

    /** Encoded size of a batch's frame, header included. */
    static int frameSize(Batch batch) {
        long size = FRAME_HEADER + 4L;
        for (Batch.Op op : batch.ops()) {
            size += opSize(op.kind(), op.payload().length);
        }
        if (size - FRAME_HEADER > MAX_BODY) {
            throw new IllegalArgumentException(batch + " is too large for one journal frame");
        }
        return (int) size;
    }

    static ByteBuffer header(long segment, long firstSeq, long nextId) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
        b.put(MAGIC).putInt(VERSION).putLong(segment).putLong(firstSeq).putLong(nextId);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, HEADER_SIZE - 4);
        b.putInt((int) crc.getValue());
        return b.flip();
    }

    /** Reserves a frame's header and op count at the buffer's position; returns the frame start. */
    static int beginFrame(ByteBuffer buf, int opCount) {
        int start = buf.position();
        buf.putLong(0L).putInt(opCount);
        return start;
    }

    static void putOp(ByteBuffer buf, byte kind, long seq, long id, byte type, byte[] payload) {
        buf.put(kind).putLong(seq).putLong(id);
        if (kind != DELETE) {
            buf.put(type).putInt(payload.length).put(payload);
        }
    }

    /** Fills in the length and checksum of the frame that starts at {@code start}. */
    static void endFrame(ByteBuffer buf, int start, long segment, CRC32C crc) {
        int end = buf.position();
        int bodyLength = end - start - FRAME_HEADER;
        buf.putInt(start, bodyLength);
        buf.putInt(start + 4, checksum(crc, segment, buf, start + FRAME_HEADER, bodyLength));
    }

    static int checksum(CRC32C crc, long segment, ByteBuffer buf, int from, int length) {
        crc.reset();
        for (int shift = 56; shift >= 0; shift -= 8) {
            crc.update((int) (segment >>> shift));
        }
        crc.update(buf.duplicate().limit(from + length).position(from));
        return (int) crc.getValue();
    }

    static byte kindCode(Batch.OpKind kind) {
        return switch (kind) {
            case ADD -> ADD;
            case UPDATE -> UPDATE;
            case DELETE -> DELETE;
        };
    }

    /**
     * Decodes a frame body whose checksum matched. With {@code addPayloads} false the payloads of
     * add ops are skipped, not copied (their {@link DecodedOp#payload} is null): recovery reads
     * them back later, only for the records still live.
     *
     * @throws IllegalArgumentException when the body is malformed
     */
    static List<DecodedOp> decodeBody(ByteBuffer body, boolean addPayloads) {
        int count = body.getInt();
        if (count <= 0 || count > body.remaining() / DELETE_SIZE) {
            throw new IllegalArgumentException("bad op count " + count);
        }
        List<DecodedOp> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ops.add(decodeOp(body, addPayloads));
        }
        if (body.hasRemaining()) {
            throw new IllegalArgumentException(body.remaining() + " stray bytes after the ops");
        }
        return ops;
    }

    /**
     * Decodes the one op at the buffer's position, moving the position past it; the buffer's
     * limit is where the op must end by (its frame's end). Checks only the op's own structure:
     * the caller checks the frame's checksum.
     *
     * @throws IllegalArgumentException when the bytes there are not an op
     */
    static DecodedOp decodeOp(ByteBuffer buf) {
        return decodeOp(buf, true);
    }

    /** {@link #decodeOp(ByteBuffer)}, skipping an add's payload unless {@code addPayload}. */
    static DecodedOp decodeOp(ByteBuffer buf, boolean addPayload) {
        if (buf.remaining() < DELETE_SIZE) {
            throw new IllegalArgumentException("op of at least " + DELETE_SIZE + " bytes runs past its frame ("
                    + buf.remaining() + " bytes left)");
        }
        byte kind = buf.get();
        long seq = buf.getLong();
        long id = buf.getLong();
        if (kind == DELETE) {
            return new DecodedOp(kind, seq, id, (byte) 0, null, DELETE_SIZE);
        }
        if (kind != ADD && kind != UPDATE) {
            throw new IllegalArgumentException("unknown op kind " + kind);
        }
        if (buf.remaining() < RECORD_OVERHEAD - DELETE_SIZE) {
            throw new IllegalArgumentException("record op header runs past its frame");
        }
        byte type = buf.get();
        int length = buf.getInt();
        if (length < 0 || length > buf.remaining()) {
            throw new IllegalArgumentException("bad payload length " + length);
        }
        if (kind == ADD && !addPayload) {
            buf.position(buf.position() + length);
            return new DecodedOp(kind, seq, id, type, null, RECORD_OVERHEAD + length);
        }
        byte[] payload = new byte[length];
        buf.get(payload);
        return new DecodedOp(kind, seq, id, type, payload, RECORD_OVERHEAD + length);
    }

    /** An op read back from a file; {@code payload} is null for deletes and for skipped add payloads. */
    record DecodedOp(byte kind, long seq, long id, byte type, byte[] payload, int size) {
    }
}
