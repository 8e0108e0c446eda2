package dev.ferrymq.store.file;

import dev.ferrymq.store.ChannelFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * Keeps disk use following the live data. Files are only ever deleted oldest first, which keeps
 * deletes safe: a delete record always lies in the same or a later file than the records it
 * deletes, so it is never removed before them. After each round:
 * <ol>
 * <li>the oldest file is deleted while nothing in it is live (and it is not the file being
 * appended to);</li>
 * <li>while the files hold more than twice the live bytes plus two files' worth, the oldest
 * file's live ops are copied to the head (keeping their sequence numbers, so recovery still
 * orders them right), forced, and the file is deleted; the dead files behind it then go by
 * rule 1.</li>
 * </ol>
 * A crash between copying and deleting leaves both copies; recovery keeps one per sequence.
 *
 * <p>The live ops are read from the offsets the index keeps ({@link LiveOpReader}), so a step
 * costs about the live data's frames, not the file. A file that no longer holds what was written
 * there is kept and never compacted (nor are the files after it deleted); the error is logged.
 *
 * <p>Threading: runs on the writer thread, holding the write permit ({@link JournalWriter}),
 * which it blocks while it copies (at most one file's live data per step); {@link #due()} is
 * asked by any permit holder.
 */
final class Compactor {

    private static final int CHUNK = 1 << 20;
    private static final int COPY_FRAME = 4 << 10;
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final System.Logger LOG = System.getLogger("dev.ferrymq.store");

    private final LiveIndex index;
    private final Head head;
    private final int fileSize;
    private final LiveOpReader reader;
    private final CRC32C crc = new CRC32C();
    private long compactions;
    private long reclaimed;
    private long blockedUntil;
    private boolean blocked;
    private LiveIndex.Segment unreadable;

    Compactor(LiveIndex index, Head head, ChannelFactory channels, int fileSize) {
        this.index = index;
        this.head = head;
        this.reader = new LiveOpReader(channels);
        this.fileSize = fileSize;
    }

    long compactions() {
        return compactions;
    }

    long reclaimed() {
        return reclaimed;
    }

    /** Whether {@link #run} has a file to delete or compact now (cheap: looks at the oldest file only). */
    boolean due() {
        return !(blocked && System.nanoTime() - blockedUntil < 0) && oldestToReclaim() != null;
    }

    /** Deletes and compacts as the policy above says; {@code nextSeq} is for a new file's header. */
    void run(long nextSeq) {
        if (blocked && System.nanoTime() - blockedUntil < 0) {
            return;
        }
        blocked = false;
        LiveIndex.Segment oldest;
        while ((oldest = oldestToReclaim()) != null) {
            boolean done = oldest.liveOps == 0 ? delete(oldest) : relocate(oldest, nextSeq);
            if (!done) {
                return;
            }
        }
    }

    /**
     * The oldest file when it is to go: nothing in it is live (delete), or the files hold more
     * than twice the live bytes plus two files and it can be read (compact); otherwise null.
     */
    private LiveIndex.Segment oldestToReclaim() {
        LiveIndex.Segment oldest = index.oldest();
        if (oldest == null || oldest == head.segment()) {
            return null;
        }
        if (oldest.liveOps == 0) {
            return oldest;
        }
        boolean compact = oldest != unreadable && index.diskBytes() > 2 * index.liveBytes() + 2L * fileSize;
        return compact ? oldest : null;
    }

    private boolean delete(LiveIndex.Segment s) {
        try {
            Files.deleteIfExists(s.path);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "journal: cannot delete " + s.path + "; will retry", e);
            backOff();
            return false;
        }
        index.removeSegment(s);
        reclaimed++;
        return true;
    }

    /** Where compaction wrote a copy of an op. */
    private record Placement(LiveIndex.Segment segment, long offset, long frameOffset, int frameSize) {
    }

    /**
     * Reads the live ops of {@code s} from their offsets (in file order), copies them to the head,
     * points the index at the copies and deletes {@code s}. False when it could not (the file is
     * then marked unreadable, or compaction backs off after an I/O error).
     */
    private boolean relocate(LiveIndex.Segment s, long nextSeq) {
        List<LiveIndex.Op> ops = index.liveOps(s);
        ops.sort(Comparator.comparingLong(LiveIndex.Op::offset));
        List<Format.DecodedOp> live;
        try {
            live = reader.read(s, ops);
        } catch (LiveOpReader.Unreadable e) {
            unreadable = s;
            LOG.log(System.Logger.Level.ERROR, "journal: " + s.path + " became unreadable after it was written ("
                    + e.getMessage() + " at offset " + e.offset() + "); it is kept and no longer compacted, so the "
                    + "files after it are kept too");
            return false;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "journal: cannot read " + s.path + " for compaction; will retry", e);
            backOff();
            return false;
        }
        List<Placement> placements = new ArrayList<>(live.size());
        if (!copy(live, placements, nextSeq)) {
            return false;
        }
        for (int i = 0; i < ops.size(); i++) {
            Placement p = placements.get(i);
            index.move(ops.get(i), p.segment, p.offset, p.frameOffset, p.frameSize);
        }
        compactions++;
        return delete(s);
    }

    /**
     * Writes {@code ops} at the head in frames of up to {@link #COPY_FRAME} bytes (so relocating
     * one of them again reads little), up to {@link #CHUNK} bytes per write, and forces them.
     * Adds where each op went to {@code placements}.
     */
    private boolean copy(List<Format.DecodedOp> ops, List<Placement> placements, long nextSeq) {
        long total = 0;
        for (Format.DecodedOp op : ops) {
            total += op.size() + Format.FRAME_HEADER + 4;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, total));
        long goodPosition = head.position();
        try {
            int i = 0;
            while (i < ops.size()) {
                head.ensureOpen(nextSeq);
                buf.clear();
                long base = head.position();
                while (i < ops.size()) {
                    int n = 0;
                    int bytes = Format.FRAME_HEADER + 4;
                    while (i + n < ops.size() && (n == 0 || bytes + ops.get(i + n).size() <= COPY_FRAME)) {
                        bytes += ops.get(i + n).size();
                        n++;
                    }
                    if (!head.hasRoom(bytes, buf.position()) || (buf.remaining() < bytes && buf.position() > 0)) {
                        break;
                    }
                    if (buf.remaining() < bytes) {
                        buf = ByteBuffer.allocate(bytes);
                    }
                    int start = Format.beginFrame(buf, n);
                    for (int k = i; k < i + n; k++) {
                        Format.DecodedOp op = ops.get(k);
                        placements.add(new Placement(head.segment(), base + buf.position(), base + start, bytes));
                        Format.putOp(buf, op.kind(), op.seq(), op.id(), op.type(), op.payload());
                    }
                    Format.endFrame(buf, start, head.segment().number, crc);
                    i += n;
                }
                if (buf.position() == 0) {
                    head.rotate(true);
                    continue;
                }
                goodPosition = head.position();
                head.write(buf.flip());
            }
            goodPosition = head.position();
            head.force();
            return true;
        } catch (IOException e) {
            head.abandon(goodPosition);
            LOG.log(System.Logger.Level.WARNING, "journal: compaction could not write its copy; will retry", e);
            backOff();
            return false;
        }
    }

    private void backOff() {
        blocked = true;
        blockedUntil = System.nanoTime() + RETRY_NANOS;
    }
}
