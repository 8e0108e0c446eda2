package dev.ferrymq.store.file;

import dev.ferrymq.store.Batch;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.JournalStats;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.SyncPolicy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.zip.CRC32C;

/**
 * Writes one round of requests: checks each batch against the live ids, encodes all of them
 * into one buffer, writes it with one call, forces once (under {@link SyncPolicy#ALWAYS}),
 * records the ops in the {@link LiveIndex} and then completes every callback. Owns the file
 * being appended to ({@link Head}), the index and the compactor.
 *
 * <p>A write or force failure fails the requests of that round only: the file is cut back to its
 * last good frame and a new file is started for the next round, so earlier acknowledged data is
 * kept and a full disk is survived once space returns.
 *
 * <p>Threading: not thread-safe. Used only by the holder of its {@link JournalWriter}'s write
 * permit (the writer thread, or an appending thread writing its own round); handing the permit
 * over orders everything one holder did before the next holder's first step.
 */
final class RoundWriter {

    private static final System.Logger LOG = System.getLogger("dev.ferrymq.store");

    private final Path directory;
    private final SyncPolicy policy;
    private final long intervalNanos;
    private final LiveIndex index;
    private final Head head;
    private final Compactor compactor;
    private final CRC32C crc = new CRC32C();
    private final Map<Long, Boolean> overlay = new HashMap<>();
    private final Map<Long, Boolean> batchOverlay = new HashMap<>();
    private final List<Request> pending = new ArrayList<>();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private long nextSeq;
    private long batches;
    private boolean dirty;
    private long lastForceNanos = System.nanoTime();
    private volatile JournalStats stats;

    RoundWriter(JournalConfig config, LiveIndex index, long nextSeq, long nextFileNumber, LongSupplier nextId) {
        this.directory = config.directory();
        this.policy = config.syncPolicy();
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(config.syncIntervalMillis());
        this.index = index;
        this.nextSeq = nextSeq;
        this.head = new Head(directory, config.channelFactory(), index, config.journalFileSize(), nextFileNumber,
                nextId, config.preallocate()
                ? new Preallocator(directory, config.channelFactory(), config.journalFileSize()) : null);
        this.compactor = new Compactor(index, head, config.channelFactory(), config.journalFileSize());
        publishStats();
    }

    /** The latest size snapshot; any thread. */
    JournalStats stats() {
        return stats;
    }

    /** Writes {@code round}, completing every request in it; never throws. */
    void write(List<Request> round) {
        try {
            writeRound(round);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "journal writer: unexpected failure; failing the round", e);
            failUnfinished(round, new StoreException(StoreException.Kind.IO, "journal writer failed: " + e, e));
            pending.clear();
            buffer.clear();
        }
    }

    /** Whether an interrupt of the calling thread was absorbed while it wrote (see {@link Head}); clears that. */
    boolean takeAbsorbedInterrupt() {
        return head.takeAbsorbedInterrupt();
    }

    /** Under {@link SyncPolicy#INTERVAL}: nanoseconds until written data is due for a force; MAX_VALUE when none is. */
    long nanosUntilIntervalForce() {
        if (!dirty || policy != SyncPolicy.INTERVAL) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, lastForceNanos + intervalNanos - System.nanoTime());
    }

    /** Forces when the interval has passed, then deletes and compacts files as {@link Compactor} says. */
    void maintain(boolean closing) {
        try {
            if (nanosUntilIntervalForce() == 0) {
                intervalForce();
            }
            if (!closing) {
                compactor.run(nextSeq);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "journal writer: unexpected failure after a round; carrying on", e);
        }
        publishStats();
    }

    /** Whether {@link #maintain} has files to delete or compact (cheap). */
    boolean maintenanceDue() {
        return compactor.due();
    }

    /** Forces and closes the current file. */
    void close() {
        try {
            head.close(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "journal: final force of " + directory + " failed", e);
        }
        publishStats();
    }

    private void intervalForce() {
        if (head.segment() == null) {
            dirty = false;
            return;
        }
        try {
            head.force();
            dirty = false;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "journal: periodic force of " + head.segment().path + " failed", e);
        }
        lastForceNanos = System.nanoTime();
    }

    private void writeRound(List<Request> round) {
        overlay.clear();
        long goodPosition = head.position();
        try {
            for (Request r : round) {
                String problem = validate(r.batch);
                if (problem != null) {
                    r.fail(new StoreException(StoreException.Kind.INVALID_OPERATION, problem + "; nothing of "
                            + r.batch + " was appended"));
                    continue;
                }
                head.ensureOpen(nextSeq);
                if (!head.hasRoom(r.frameBytes, buffer.position())) {
                    goodPosition = head.position();
                    flush();
                    head.rotate(policy != SyncPolicy.NEVER);
                    head.ensureOpen(nextSeq);
                }
                encode(r);
            }
            goodPosition = head.position();
            flush();
        } catch (IOException e) {
            head.abandon(goodPosition);
            pending.clear();
            buffer.clear();
            failUnfinished(round, failure(e, round));
        }
    }

    private static void failUnfinished(List<Request> round, StoreException error) {
        for (Request r : round) {
            if (!r.done) {
                r.fail(error);
            }
        }
    }

    /** Checks the batch against the live ids and the earlier batches of this round; null when valid. */
    private String validate(Batch batch) {
        List<Batch.Op> ops = batch.ops();
        Map<Long, Boolean> view = overlay;
        if (ops.size() > 1) {
            batchOverlay.clear();
            view = batchOverlay;
        }
        for (Batch.Op op : ops) {
            Boolean known = view.get(op.id());
            if (known == null && view != overlay) {
                known = overlay.get(op.id());
            }
            boolean live = known != null ? known : index.isLive(op.id());
            if (op.kind() == Batch.OpKind.ADD && live) {
                return "cannot add record id " + op.id() + ": it is already live";
            }
            if (op.kind() != Batch.OpKind.ADD && !live) {
                return "cannot " + op.kind().name().toLowerCase(Locale.ROOT) + " record id " + op.id()
                        + ": no live record has that id";
            }
            view.put(op.id(), op.kind() != Batch.OpKind.DELETE);
        }
        if (view != overlay) {
            overlay.putAll(batchOverlay);
        }
        return null;
    }

    private void encode(Request r) {
        if (buffer.remaining() < r.frameBytes) {
            int size = Math.max(buffer.capacity() * 2, buffer.position() + r.frameBytes);
            ByteBuffer bigger = ByteBuffer.allocateDirect(size);
            bigger.put(buffer.flip());
            buffer = bigger;
        }
        List<Batch.Op> ops = r.batch.ops();
        int start = Format.beginFrame(buffer, ops.size());
        r.bufferOffset = start;
        r.firstSeq = nextSeq;
        for (Batch.Op op : ops) {
            Format.putOp(buffer, Format.kindCode(op.kind()), nextSeq++, op.id(), op.type(), op.payload());
        }
        Format.endFrame(buffer, start, head.segment().number, crc);
        pending.add(r);
    }

    /**
     * Writes the buffered frames, forces under ALWAYS, records their ops (with their offsets in
     * the file, for the compactor) and completes them.
     */
    private void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        long bufferStart = head.position();
        head.write(buffer.flip());
        if (policy == SyncPolicy.ALWAYS) {
            head.force();
        } else {
            dirty = true;
        }
        LiveIndex.Segment segment = head.segment();
        for (Request r : pending) {
            long seq = r.firstSeq;
            long frameOffset = bufferStart + r.bufferOffset;
            long offset = frameOffset + Format.FRAME_HEADER + 4;
            for (Batch.Op op : r.batch.ops()) {
                int size = Format.opSize(op.kind(), op.payload().length);
                if (op.kind() == Batch.OpKind.DELETE) {
                    index.delete(op.id());
                } else {
                    index.put(op.id(), seq, Format.kindCode(op.kind()), size, segment, offset, frameOffset,
                            r.frameBytes);
                }
                offset += size;
                seq++;
            }
        }
        batches += pending.size();
        publishStats();
        for (Request r : pending) {
            r.succeed();
        }
        pending.clear();
        buffer.clear();
    }

    private StoreException failure(IOException e, List<Request> round) {
        long needed = 0;
        for (Request r : round) {
            needed += r.frameBytes;
        }
        String text = String.valueOf(e.getMessage());
        boolean full = text.contains("No space left") || text.contains("Disk quota exceeded")
                || text.contains("not enough space") || usableSpace() < needed + Format.HEADER_SIZE;
        if (full) {
            return new StoreException(StoreException.Kind.DISK_FULL, "the disk holding the journal in " + directory
                    + " is full (" + text + "); this batch was not stored, data acknowledged earlier is kept, and "
                    + "appends work again once space is freed", e);
        }
        return new StoreException(StoreException.Kind.IO, "journal write in " + directory + " failed: " + e
                + "; this batch was not stored", e);
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private void publishStats() {
        stats = new JournalStats(index.segmentCount(), index.diskBytes(), index.liveRecords(), index.liveBytes(),
                batches, head.forces(), compactor.compactions(), compactor.reclaimed());
    }
}
