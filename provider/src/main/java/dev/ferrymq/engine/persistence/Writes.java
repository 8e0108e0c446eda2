package dev.ferrymq.engine.persistence;

import dev.ferrymq.engine.exec.EngineThreads;
import dev.ferrymq.engine.queue.AcceptingQueue;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.store.AppendCallback;
import dev.ferrymq.store.Batch;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.StoreException;

import java.util.function.BooleanSupplier;

/**
 * The records of one {@link Acceptance} (a send, a transaction's commit or a move), appended as
 * one atomic {@link Batch}: the message records it adds and the records of the messages it
 * consumed (or moved away), deleted.
 *
 * <p>Threading contract: built and committed by one thread; the {@code apply} action and the
 * completion then run once, on the journal's callback thread marked as an engine thread (or at
 * once, on the committing thread, when there is nothing to write). A commit whose caller waits
 * for it ({@link Completion#callerWaits()}) on an application thread is a waiting append
 * ({@link Journal#appendWaiting}): that thread may write and sync the round itself, and then
 * runs {@code apply} and the completion itself, once the round is done and before {@code commit}
 * returns, as when nothing is written ({@code Outcome}). It takes the journal, the
 * broker's name, the journal's configuration and the store's closing check as values, so it knows
 * nothing of the store that makes it.
 */
final class Writes {

    private final Journal journal;
    private final String broker;
    private final JournalConfig config;
    private final BooleanSupplier closing;
    private Batch.Builder batch;
    private MessageData lastMessage;
    private byte[] lastPayload;

    /**
     * Writes appended to {@code journal} of broker {@code broker} (configured by {@code config});
     * {@code closing} says when the broker is stopping, so that a commit fails instead.
     */
    Writes(Journal journal, String broker, JournalConfig config, BooleanSupplier closing) {
        this.journal = journal;
        this.broker = broker;
        this.config = config;
        this.closing = closing;
    }

    /**
     * Adds {@code message} to {@code queue}'s records when the queue stores it.
     *
     * @return the new record id, or 0 when nothing is written (not PERSISTENT, not a durable queue)
     */
    long add(AcceptingQueue queue, MessageData message) {
        if (!queue.stores(message)) {
            return 0;
        }
        byte[] payload;
        if (message != lastMessage) {
            payload = Records.message(queue, message);
            lastMessage = message;
        } else {
            payload = Records.rehold(lastPayload, queue);
        }
        lastPayload = payload;
        long id = journal.nextId();
        builder().add(id, Records.MESSAGE, payload);
        return id;
    }

    /** Deletes record {@code id} (a consumed message); 0 is ignored. */
    void delete(long id) {
        if (id != 0) {
            builder().delete(id);
        }
    }

    /**
     * Appends the writes; once durable runs {@code apply} then completes {@code done}. When there
     * is nothing to write both happen at once. On failure {@code apply} never runs and
     * {@code done} fails: with TRANSACTION_ROLLED_BACK for a {@code transaction}, otherwise
     * RESOURCE_ALLOCATION for a full disk and GENERAL or ILLEGAL_STATE for the rest; the failure
     * message says it could not {@code what}.
     */
    void commit(String what, boolean transaction, Runnable apply, Completion<Void> done) {
        if (batch == null) {
            apply.run();
            done.complete(null);
            return;
        }
        if (closing.getAsBoolean()) {
            done.fail(new EngineException(transaction ? EngineException.Kind.TRANSACTION_ROLLED_BACK
                    : EngineException.Kind.ILLEGAL_STATE, "broker '" + broker + "' is stopping"));
            return;
        }
        Batch b;
        try {
            b = batch.build();
        } catch (IllegalArgumentException tooLarge) {
            done.fail(new EngineException(transaction ? EngineException.Kind.TRANSACTION_ROLLED_BACK
                    : EngineException.Kind.RESOURCE_ALLOCATION, tooLarge.getMessage(), tooLarge));
            return;
        }
        Outcome outcome = new Outcome(what, transaction, apply, done);
        if (done.callerWaits() && !EngineThreads.inEngine()) {
            outcome.waitingThread = Thread.currentThread();
            try {
                journal.appendWaiting(b, outcome);
            } finally {
                outcome.waitingThread = null;
            }
            if (outcome.durableInCall) {
                outcome.applyAndComplete();
            }
        } else {
            journal.append(b, outcome);
        }
    }

    /**
     * What becomes of a commit once its batch is durable or failed. The journal's callbacks run on
     * the thread that wrote the round, marked as an engine thread ({@link EngineThreads#asEngine}),
     * so that a writer never does queue work inline. One exception: when a waited-for commit's own
     * thread wrote the round ({@link Journal#appendWaiting}), the callback only notes it, and
     * {@link #commit} applies once the call has returned and the round's write permit is free:
     * then that application thread enqueues as a non-persistent send does, running the queue's
     * work inline when the queue is idle, instead of handing it to a pool thread and waking it (a
     * thread hop per message on a single synchronous producer).
     */
    private final class Outcome implements AppendCallback {
        private final String what;
        private final boolean transaction;
        private final Runnable apply;
        private final Completion<Void> done;
        /** The committing thread while it is inside {@code appendWaiting}; read and written only by it when it is. */
        private Thread waitingThread;
        private boolean durableInCall;

        Outcome(String what, boolean transaction, Runnable apply, Completion<Void> done) {
            this.what = what;
            this.transaction = transaction;
            this.apply = apply;
            this.done = done;
        }

        @Override
        public void onDurable() {
            if (Thread.currentThread() == waitingThread) {
                durableInCall = true;
                return;
            }
            EngineThreads.asEngine(this::applyAndComplete);
        }

        @Override
        public void onFailed(StoreException error) {
            EngineException e = StoreErrors.onWrite(broker, config, error, what);
            EngineException out = transaction ? EngineException.rolledBack(e.getMessage(), error) : e;
            EngineThreads.asEngine(() -> done.fail(out));
        }

        /**
         * Runs {@code apply}, then completes {@code done}; when {@code apply} throws (a bug: it
         * only hands work to queues), {@code done} fails saying so instead of never completing.
         */
        void applyAndComplete() {
            try {
                apply.run();
            } catch (RuntimeException e) {
                done.fail(new EngineException(EngineException.Kind.GENERAL, "cannot " + what + ": it was stored, but "
                        + "handing it to its queues failed (" + e + "); it comes back when the broker restarts", e));
                return;
            }
            done.complete(null);
        }
    }

    private Batch.Builder builder() {
        if (batch == null) {
            batch = Batch.builder();
        }
        return batch;
    }
}
