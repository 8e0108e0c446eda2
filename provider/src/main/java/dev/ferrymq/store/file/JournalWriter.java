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
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.zip.CRC32C;

/**
 * The journal's single writer thread and group commit. Appending threads put requests on a
 * lock-free queue; the writer takes everything queued, checks each batch against the live ids,
 * encodes all of them into one buffer, writes it with one call, forces once (under
 * {@link SyncPolicy#ALWAYS}) and then completes every callback. While it forces, new requests
 * queue up and share the next force, so throughput grows with the number of producers.
 *
 * <p>Background requests ({@link dev.ferrymq.store.Journal#appendBackground}) ask for no force
 * of their own: under {@link SyncPolicy#ALWAYS} a round made only of them waits, up to the
 * configured background delay, for a request that needs a force, and is then written with it
 * (in queue order, so each appender's order is kept); when none comes, or the journal closes, it
 * is written and forced alone. So an AUTO_ACKNOWLEDGE acknowledgement does not make the next send
 * of a single producer wait for a sync round of its own.
 *
 * <p>A write or force failure fails the requests of that round only: the file is cut back to its
 * last good frame and a new file is started for the next round, so earlier acknowledged data is
 * kept and a full disk is survived once space returns.
 *
 * <p>Threading: {@link #submit} from any thread; everything else runs on the writer thread.
 */
final class JournalWriter implements Runnable {

    private static final int ROUND_BYTES = 8 << 20;
    private static final System.Logger LOG = System.getLogger("dev.ferrymq.store");

    private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
    private final Path directory;
    private final SyncPolicy policy;
    private final long intervalNanos;
    private final long backgroundDelayNanos;
    private final LiveIndex index;
    private final Head head;
    private final Compactor compactor;
    private final CRC32C crc = new CRC32C();
    private final Map<Long, Boolean> overlay = new HashMap<>();
    private final Map<Long, Boolean> batchOverlay = new HashMap<>();
    private final List<Request> pending = new ArrayList<>();
    private final Thread thread;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private long nextSeq;
    private long batches;
    private boolean dirty;
    private long lastForceNanos = System.nanoTime();
    /** Whether the round being gathered holds a request that is not background, and its bytes. */
    private boolean roundForced;
    private long roundBytes;
    private volatile boolean parked;
    private volatile boolean closing;
    private volatile JournalStats stats;

    JournalWriter(JournalConfig config, LiveIndex index, long nextSeq, long nextFileNumber, LongSupplier nextId) {
        this.directory = config.directory();
        this.policy = config.syncPolicy();
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(config.syncIntervalMillis());
        this.backgroundDelayNanos = TimeUnit.MILLISECONDS.toNanos(config.backgroundDelayMillis());
        this.index = index;
        this.nextSeq = nextSeq;
        this.head = new Head(directory, config.channelFactory(), index, config.journalFileSize(), nextFileNumber,
                nextId, config.preallocate()
                ? new Preallocator(directory, config.channelFactory(), config.journalFileSize()) : null);
        this.compactor = new Compactor(index, head, config.channelFactory(), config.journalFileSize());
        this.thread = new Thread(this, "ferrymq-journal-" + directory);
        this.thread.setDaemon(true);
        publishStats();
    }

    void start() {
        thread.start();
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    JournalStats stats() {
        return stats;
    }

    /** Queues a request; fails it at once when the journal is closing. */
    void submit(Request r) {
        if (closing) {
            r.fail(closed());
            return;
        }
        queue.offer(r);
        if (closing) {
            if (queue.remove(r)) {
                r.fail(closed());
            }
            return;
        }
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /** Writes everything accepted, forces, closes the file and stops the thread; fails stragglers. */
    void close() throws InterruptedException {
        closing = true;
        LockSupport.unpark(thread);
        thread.join();
        Request r;
        while ((r = queue.poll()) != null) {
            r.fail(closed());
        }
    }

    private StoreException closed() {
        return new StoreException(StoreException.Kind.CLOSED, "the journal in " + directory + " is closed");
    }

    @Override
    public void run() {
        List<Request> round = new ArrayList<>();
        while (true) {
            drain(round);
            if (round.isEmpty()) {
                if (closing) {
                    drain(round);
                    if (round.isEmpty()) {
                        break;
                    }
                } else {
                    idle();
                    continue;
                }
            }
            if (!roundForced && policy == SyncPolicy.ALWAYS) {
                awaitForcedCompany(round);
            }
            try {
                writeRound(round);
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "journal writer: unexpected failure; failing the round", e);
                failUnfinished(round, new StoreException(StoreException.Kind.IO, "journal writer failed: " + e, e));
            }
            round.clear();
            roundForced = false;
            roundBytes = 0;
            try {
                afterRound();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "journal writer: unexpected failure after a round; carrying on", e);
            }
        }
        try {
            head.close(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "journal: final force of " + directory + " failed", e);
        }
        publishStats();
    }

    private void drain(List<Request> round) {
        Request r;
        while (roundBytes < ROUND_BYTES && (r = queue.poll()) != null) {
            round.add(r);
            roundBytes += r.frameBytes;
            roundForced |= !r.background;
        }
    }

    /**
     * The round holds only background requests: gathers what arrives until a request that needs
     * a force joins, the round is full, the background delay has passed or the journal closes.
     */
    private void awaitForcedCompany(List<Request> round) {
        long deadline = System.nanoTime() + backgroundDelayNanos;
        while (!roundForced && !closing && roundBytes < ROUND_BYTES) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            parked = true;
            try {
                if (queue.isEmpty() && !closing) {
                    LockSupport.parkNanos(this, wait);
                }
            } finally {
                parked = false;
            }
            drain(round);
        }
    }

    private void idle() {
        parked = true;
        try {
            if (!queue.isEmpty() || closing) {
                return;
            }
            if (dirty && policy == SyncPolicy.INTERVAL) {
                long wait = lastForceNanos + intervalNanos - System.nanoTime();
                if (wait <= 0) {
                    intervalForce();
                } else {
                    LockSupport.parkNanos(this, wait);
                }
            } else {
                LockSupport.park(this);
            }
        } finally {
            parked = false;
        }
    }

    private void afterRound() {
        if (dirty && policy == SyncPolicy.INTERVAL && System.nanoTime() - lastForceNanos >= intervalNanos) {
            intervalForce();
        }
        if (!closing) {
            compactor.run(nextSeq);
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

    private void failUnfinished(List<Request> round, StoreException error) {
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
                return "cannot " + op.kind().name().toLowerCase(java.util.Locale.ROOT) + " record id " + op.id()
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
