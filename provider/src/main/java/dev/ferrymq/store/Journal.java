package dev.ferrymq.store;

import java.util.concurrent.CompletableFuture;

/**
 * An append-only record journal: the store under the engine. Callers append {@link Batch}es of
 * add/update/delete operations keyed by record id; after a restart, {@link dev.ferrymq.store.journals.Journals#open} hands back the
 * live records (added, not deleted) with their updates.
 *
 * <p>Recovery contract: {@code open} reads everything on disk, gives each live id to the
 * {@link RecoveryListener} once (in first-append order) and returns only when that is done.
 * Every batch whose append completed with {@link AppendCallback#onDurable()} is recovered (under
 * {@link SyncPolicy#ALWAYS} even after power loss); a batch is recovered whole or not at all. A
 * batch whose append failed, or whose callback had not yet run when the process died, may or may
 * not be recovered (like an in-doubt commit). Damage in the files never stops {@code open}: it
 * recovers what precedes the damage and later files, and lists what it skipped in
 * {@link #recoveryReport()}.
 *
 * <p>Threading contract: {@link #append}, {@link #nextId()} and {@link #stats()} are safe from any
 * thread; appends from one thread are written in call order, appends from different threads in
 * some order. Callbacks run as {@link AppendCallback} describes. {@link #close()} may be called
 * from any thread except inside a callback.
 */
public interface Journal extends AutoCloseable {

    /** A new id, greater than every id recovered and every id handed out before. */
    long nextId();

    /**
     * Appends {@code batch} atomically and calls {@code callback} once it is durable or failed.
     * Never blocks on I/O and never throws for store failures: those reach the callback
     * (including {@link StoreException.Kind#CLOSED} after {@link #close()}).
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the batch is too large for one frame
     */
    void append(Batch batch, AppendCallback callback);

    /**
     * Appends {@code batch} as {@link #append(Batch, AppendCallback)} does (atomically, in call
     * order with this thread's other appends, {@code callback} once durable or failed), but asks
     * for no sync of its own: under {@link SyncPolicy#ALWAYS} the file journal writes it with the
     * next append that forces anyway, or alone after at most
     * {@link JournalConfig#backgroundDelayMillis()} when none comes. For writes nobody waits for
     * (AUTO_ACKNOWLEDGE acknowledgements, delivery marks), so that they do not cost a waiting
     * send a sync round of their own. Journals without such rounds append it at once.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the batch is too large for one frame
     */
    default void appendBackground(Batch batch, AppendCallback callback) {
        append(batch, callback);
    }

    /**
     * Appends {@code batch} as {@link #append(Batch, AppendCallback)} does, for a caller that waits
     * for {@code callback} before it does anything else (a synchronous send or commit). The file
     * journal, when it is idle (no round being written, none that needs a sync queued), writes
     * what is queued and then this batch on the calling thread, blocking it for the write and sync and running that round's callbacks on it
     * before returning: a single synchronous producer then pays no hand-off to the writer thread
     * and back. Otherwise (and in journals without a writer thread) it is
     * {@link #append(Batch, AppendCallback)}. Never call it on a thread that must not block on I/O.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the batch is too large for one frame
     */
    default void appendWaiting(Batch batch, AppendCallback callback) {
        append(batch, callback);
    }

    /** {@link #append(Batch, AppendCallback)} as a future, completed on the callback's thread. */
    default CompletableFuture<Void> append(Batch batch) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        append(batch, new AppendCallback() {
            @Override
            public void onDurable() {
                future.complete(null);
            }

            @Override
            public void onFailed(StoreException error) {
                future.completeExceptionally(error);
            }
        });
        return future;
    }

    /** What opening found and skipped. */
    RecoveryReport recoveryReport();

    /** The latest size snapshot. */
    JournalStats stats();

    /**
     * Completes every append already accepted (writing and forcing it), then releases the files
     * and the directory lock. Idempotent.
     *
     * @throws IllegalStateException when called from an append callback
     */
    @Override
    void close();
}
