package dev.ferrymq.store.file;

import dev.ferrymq.store.ChannelFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
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
 * <p>Threading: confined to the writer thread, which it blocks while it copies (at most one
 * file's live data per step).
 */
final class Compactor {

    private static final int CHUNK = 1 << 20;
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final System.Logger LOG = System.getLogger("dev.ferrymq.store");

    private final LiveIndex index;
    private final Head head;
    private final ChannelFactory channels;
    private final int fileSize;
    private final CRC32C crc = new CRC32C();
    private long compactions;
    private long reclaimed;
    private long blockedUntil;
    private boolean blocked;
    private LiveIndex.Segment unreadable;

    Compactor(LiveIndex index, Head head, ChannelFactory channels, int fileSize) {
        this.index = index;
        this.head = head;
        this.channels = channels;
        this.fileSize = fileSize;
    }

    long compactions() {
        return compactions;
    }

    long reclaimed() {
        return reclaimed;
    }

    /** Deletes and compacts as the policy above says; {@code nextSeq} is for a new file's header. */
    void run(long nextSeq) {
        if (blocked && System.nanoTime() - blockedUntil < 0) {
            return;
        }
        blocked = false;
        while (true) {
            LiveIndex.Segment oldest = index.oldest();
            if (oldest == null || oldest == head.segment()) {
                return;
            }
            if (oldest.liveOps == 0) {
                if (!delete(oldest)) {
                    return;
                }
                continue;
            }
            if (oldest == unreadable || index.diskBytes() <= 2 * index.liveBytes() + 2L * fileSize) {
                return;
            }
            if (!relocate(oldest, nextSeq)) {
                return;
            }
        }
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

    private boolean relocate(LiveIndex.Segment s, long nextSeq) {
        List<Format.DecodedOp> live = new ArrayList<>();
        try (SegmentReader reader = SegmentReader.open(channels, s.path, s.number)) {
            if (reader.readHeader()) {
                SegmentReader.Frame frame;
                while ((frame = reader.next()) != null) {
                    for (Format.DecodedOp op : frame.ops()) {
                        if (op.kind() != Format.DELETE && index.isLiveCopy(op.id(), op.seq(), s)) {
                            live.add(op);
                        }
                    }
                }
            }
            if (live.size() != s.liveOps) {
                unreadable = s;
                LOG.log(System.Logger.Level.ERROR, "journal: " + s.path + " became unreadable after it was written ("
                        + (reader.damage() == null ? "records missing" : reader.damage()) + " at offset "
                        + reader.position() + "); it is kept and no longer compacted, so older files are kept too");
                return false;
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "journal: cannot read " + s.path + " for compaction; will retry", e);
            backOff();
            return false;
        }
        List<LiveIndex.Segment> targets = new ArrayList<>(live.size());
        if (!copy(live, targets, nextSeq)) {
            return false;
        }
        for (int i = 0; i < live.size(); i++) {
            index.move(live.get(i).id(), live.get(i).seq(), targets.get(i));
        }
        compactions++;
        return delete(s);
    }

    /** Writes {@code ops} at the head in frames of up to {@link #CHUNK} bytes and forces them. */
    private boolean copy(List<Format.DecodedOp> ops, List<LiveIndex.Segment> targets, long nextSeq) {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long goodPosition = head.position();
        try {
            int i = 0;
            while (i < ops.size()) {
                head.ensureOpen(nextSeq);
                int n = 0;
                int bytes = Format.FRAME_HEADER + 4;
                while (i + n < ops.size()) {
                    int size = ops.get(i + n).size();
                    if (n > 0 && (bytes + size > CHUNK || !head.hasRoom(bytes + size, 0))) {
                        break;
                    }
                    bytes += size;
                    n++;
                }
                if (!head.hasRoom(bytes, 0)) {
                    head.rotate(true);
                    continue;
                }
                if (buf.capacity() < bytes) {
                    buf = ByteBuffer.allocate(bytes);
                }
                buf.clear();
                int start = Format.beginFrame(buf, n);
                for (int k = i; k < i + n; k++) {
                    Format.DecodedOp op = ops.get(k);
                    Format.putOp(buf, op.kind(), op.seq(), op.id(), op.type(), op.payload());
                    targets.add(head.segment());
                }
                Format.endFrame(buf, start, head.segment().number, crc);
                goodPosition = head.position();
                head.write(buf.flip());
                i += n;
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
