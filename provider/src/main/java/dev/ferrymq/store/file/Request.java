package dev.ferrymq.store.file;

import dev.ferrymq.store.AppendCallback;
import dev.ferrymq.store.Batch;
import dev.ferrymq.store.StoreException;

/**
 * One pending append. Whoever takes it out of the writer's queue (the permit holder, or a closing
 * journal) completes it, so its callback runs exactly once.
 *
 * <p>Threading: built by the appending thread, then owned by the holder of the journal's write
 * permit (see {@link JournalWriter}).
 */
final class Request {

    final Batch batch;
    final int frameBytes;
    /** Written with the next forced round rather than forcing one of its own ({@link dev.ferrymq.store.Journal#appendBackground}). */
    final boolean background;
    private final AppendCallback callback;
    /** When a background request was queued (System.nanoTime); 0 for the others. */
    final long queuedAt;
    long firstSeq;
    /** Where the writer encoded this request's frame in its write buffer. */
    int bufferOffset;
    boolean done;

    Request(Batch batch, AppendCallback callback, int frameBytes, boolean background) {
        this.batch = batch;
        this.callback = callback;
        this.frameBytes = frameBytes;
        this.background = background;
        this.queuedAt = background ? System.nanoTime() : 0;
    }

    void succeed() {
        done = true;
        try {
            callback.onDurable();
        } catch (RuntimeException | Error e) {
            callbackThrew(e);
        }
    }

    void fail(StoreException error) {
        done = true;
        try {
            callback.onFailed(error);
        } catch (RuntimeException | Error e) {
            callbackThrew(e);
        }
    }

    private static void callbackThrew(Throwable e) {
        System.getLogger("dev.ferrymq.store").log(System.Logger.Level.ERROR,
                "journal: an append callback threw; the journal carries on", e);
    }
}
