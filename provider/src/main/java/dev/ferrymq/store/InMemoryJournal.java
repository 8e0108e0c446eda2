package dev.ferrymq.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Journal} that keeps its live records in memory only: for tests and brokers without
 * persistence. It checks batches exactly like the file journal, so code tested against it behaves
 * the same on files; {@link #reopen} simulates a restart.
 *
 * <p>Threading contract: safe from any thread; an append is applied under a short lock and its
 * callback runs on the appending thread before {@code append} returns, outside the lock.
 */
public final class InMemoryJournal implements Journal {

    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<Long, Entry> live;
    private final AtomicLong ids;
    private long batches;
    private long liveBytes;
    private long maxId;
    private boolean closed;

    private InMemoryJournal(LinkedHashMap<Long, Entry> live, long nextId, long liveBytes) {
        this.live = live;
        this.ids = new AtomicLong(nextId);
        this.liveBytes = liveBytes;
    }

    /** An empty in-memory journal; {@code listener} receives nothing. */
    public static InMemoryJournal open(RecoveryListener listener) {
        return new InMemoryJournal(new LinkedHashMap<>(), 1, 0);
    }

    /**
     * A new journal holding this closed journal's live records, given to {@code listener} as a
     * file journal's recovery would.
     *
     * @throws IllegalStateException when this journal is still open
     */
    public InMemoryJournal reopen(RecoveryListener listener) {
        LinkedHashMap<Long, Entry> copy;
        long next;
        long bytes;
        lock.lock();
        try {
            if (!closed) {
                throw new IllegalStateException("close the in-memory journal before reopening it");
            }
            copy = new LinkedHashMap<>(live);
            next = Math.max(ids.get(), maxId + 1);
            bytes = liveBytes;
        } finally {
            lock.unlock();
        }
        for (Map.Entry<Long, Entry> e : copy.entrySet()) {
            Entry en = e.getValue();
            listener.onRecord(new LiveRecord(e.getKey(), en.type, en.payload, en.updates));
        }
        return new InMemoryJournal(copy, next, bytes);
    }

    @Override
    public long nextId() {
        return ids.getAndIncrement();
    }

    @Override
    public void append(Batch batch, AppendCallback callback) {
        java.util.Objects.requireNonNull(batch, "batch");
        java.util.Objects.requireNonNull(callback, "callback");
        StoreException error;
        lock.lock();
        try {
            error = closed ? new StoreException(StoreException.Kind.CLOSED, "the in-memory journal is closed")
                    : apply(batch);
        } finally {
            lock.unlock();
        }
        if (error == null) {
            callback.onDurable();
        } else {
            callback.onFailed(error);
        }
    }

    private StoreException apply(Batch batch) {
        Map<Long, Boolean> overlay = new HashMap<>();
        for (Batch.Op op : batch.ops()) {
            Boolean o = overlay.get(op.id());
            boolean isLive = o != null ? o : live.containsKey(op.id());
            String problem = problem(op, isLive);
            if (problem != null) {
                return new StoreException(StoreException.Kind.INVALID_OPERATION, problem + "; nothing of " + batch
                        + " was appended");
            }
            overlay.put(op.id(), op.kind() != Batch.OpKind.DELETE);
        }
        for (Batch.Op op : batch.ops()) {
            maxId = Math.max(maxId, op.id());
            switch (op.kind()) {
                case ADD -> {
                    live.put(op.id(), new Entry(op.type(), op.payload()));
                    liveBytes += op.payload().length;
                }
                case UPDATE -> {
                    live.get(op.id()).updates.add(new LiveRecord.Update(op.type(), op.payload()));
                    liveBytes += op.payload().length;
                }
                case DELETE -> {
                    Entry removed = live.remove(op.id());
                    liveBytes -= removed.payload.length;
                    for (LiveRecord.Update u : removed.updates) {
                        liveBytes -= u.payload().length;
                    }
                }
            }
        }
        batches++;
        return null;
    }

    /** Why {@code op} cannot apply to an id that is (or is not) live; null when it can. Shared with the file journal. */
    static String problem(Batch.Op op, boolean isLive) {
        if (op.kind() == Batch.OpKind.ADD && isLive) {
            return "cannot add record id " + op.id() + ": it is already live";
        }
        if (op.kind() != Batch.OpKind.ADD && !isLive) {
            return "cannot " + op.kind().name().toLowerCase(java.util.Locale.ROOT) + " record id " + op.id()
                    + ": no live record has that id";
        }
        return null;
    }

    @Override
    public RecoveryReport recoveryReport() {
        return RecoveryReport.empty();
    }

    @Override
    public JournalStats stats() {
        lock.lock();
        try {
            return new JournalStats(0, 0, live.size(), liveBytes, batches, 0, 0, 0);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private static final class Entry {
        final byte type;
        final byte[] payload;
        final List<LiveRecord.Update> updates = new ArrayList<>(0);

        Entry(byte type, byte[] payload) {
            this.type = type;
            this.payload = payload;
        }
    }
}
