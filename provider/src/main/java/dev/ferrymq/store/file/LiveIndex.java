package dev.ferrymq.store.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which ids are live and where their live ops lie: per id its add and updates ({@link Op}: the
 * sequence, file, size, and byte offsets of the op and of the frame holding it), per file the
 * bytes still live and a list of its live ops. The writer uses it to check batches, to delete
 * files with nothing live and to pick files to compact; the compactor reads a file's live ops
 * straight from their offsets.
 *
 * <p>Threading: used only by the holder of the journal's write permit ({@link JournalWriter}),
 * and by the opening thread before the writer starts.
 */
final class LiveIndex {

    /** One journal file's accounting. */
    static final class Segment {
        final long number;
        final Path path;
        long totalBytes;
        long liveBytes;
        int liveOps;
        private Op firstLive;

        Segment(long number, Path path, long totalBytes) {
            this.number = number;
            this.path = path;
            this.totalBytes = totalBytes;
        }
    }

    /**
     * One live add or update op and where its current copy lies. Its location changes only
     * through {@link #move}; the frame is where a reader checks the checksum that covers it.
     */
    static final class Op {
        final long id;
        final long seq;
        final byte kind;
        final int size;
        private Segment segment;
        private long offset;
        private long frameOffset;
        private int frameSize;
        private Op nextOfId;
        private Op prevInSegment;
        private Op nextInSegment;

        private Op(long id, long seq, byte kind, int size) {
            this.id = id;
            this.seq = seq;
            this.kind = kind;
            this.size = size;
        }

        /** The file holding the op's current copy. */
        Segment segment() {
            return segment;
        }

        /** The op's byte offset in its file. */
        long offset() {
            return offset;
        }

        /** The byte offset in the same file of the frame holding the op. */
        long frameOffset() {
            return frameOffset;
        }

        /** The size of that frame, its header included. */
        int frameSize() {
            return frameSize;
        }
    }

    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final Map<Long, Op> live = new HashMap<>();
    private long diskBytes;
    private long liveBytes;

    void addSegment(Segment s) {
        segments.put(s.number, s);
        diskBytes += s.totalBytes;
    }

    void grow(Segment s, long bytes) {
        s.totalBytes += bytes;
        diskBytes += bytes;
    }

    void setSize(Segment s, long bytes) {
        diskBytes += bytes - s.totalBytes;
        s.totalBytes = bytes;
    }

    void removeSegment(Segment s) {
        segments.remove(s.number);
        diskBytes -= s.totalBytes;
    }

    Segment segment(long number) {
        return segments.get(number);
    }

    Segment oldest() {
        Map.Entry<Long, Segment> e = segments.firstEntry();
        return e == null ? null : e.getValue();
    }

    int segmentCount() {
        return segments.size();
    }

    boolean isLive(long id) {
        return live.containsKey(id);
    }

    /**
     * Records an add or update op of {@code id} of {@code size} bytes at {@code offset} in
     * {@code seg}, inside the frame of {@code frameSize} bytes at {@code frameOffset}; returns the op.
     */
    Op put(long id, long seq, byte kind, int size, Segment seg, long offset, long frameOffset, int frameSize) {
        Op op = new Op(id, seq, kind, size);
        op.nextOfId = live.put(id, op);
        place(op, seg, offset, frameOffset, frameSize);
        liveBytes += size;
        return op;
    }

    /** Deletes {@code id}: all its ops become dead. */
    void delete(long id) {
        for (Op op = live.remove(id); op != null; op = op.nextOfId) {
            unlink(op);
            liveBytes -= op.size;
        }
    }

    /** The live ops whose current copy lies in {@code seg}, in no particular order. */
    List<Op> liveOps(Segment seg) {
        List<Op> ops = new ArrayList<>(seg.liveOps);
        for (Op op = seg.firstLive; op != null; op = op.nextInSegment) {
            ops.add(op);
        }
        return ops;
    }

    /** Moves the live {@code op} to a new copy (compaction copied it there). */
    void move(Op op, Segment to, long offset, long frameOffset, int frameSize) {
        unlink(op);
        place(op, to, offset, frameOffset, frameSize);
    }

    private void place(Op op, Segment seg, long offset, long frameOffset, int frameSize) {
        op.segment = seg;
        op.offset = offset;
        op.frameOffset = frameOffset;
        op.frameSize = frameSize;
        op.prevInSegment = null;
        op.nextInSegment = seg.firstLive;
        if (seg.firstLive != null) {
            seg.firstLive.prevInSegment = op;
        }
        seg.firstLive = op;
        seg.liveBytes += op.size;
        seg.liveOps++;
    }

    private void unlink(Op op) {
        Segment seg = op.segment;
        if (op.prevInSegment != null) {
            op.prevInSegment.nextInSegment = op.nextInSegment;
        } else {
            seg.firstLive = op.nextInSegment;
        }
        if (op.nextInSegment != null) {
            op.nextInSegment.prevInSegment = op.prevInSegment;
        }
        op.prevInSegment = null;
        op.nextInSegment = null;
        seg.liveBytes -= op.size;
        seg.liveOps--;
    }

    long liveRecords() {
        return live.size();
    }

    long liveBytes() {
        return liveBytes;
    }

    long diskBytes() {
        return diskBytes;
    }
}
