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
 * ({@link Journal#appendWaiting}): that thread may write and sync the round itself, and the
 * callback then runs on it before {@code commit} returns. It takes the journal, the
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
        AppendCallback callback = new AppendCallback() {
            @Override
            public void onDurable() {
                EngineThreads.asEngine(() -> {
                    apply.run();
                    done.complete(null);
                });
            }

            @Override
            public void onFailed(StoreException error) {
                EngineException e = StoreErrors.onWrite(broker, config, error, what);
                EngineException out = transaction ? EngineException.rolledBack(e.getMessage(), error) : e;
                EngineThreads.asEngine(() -> done.fail(out));
            }
        };
        if (done.callerWaits() && !EngineThreads.inEngine()) {
            journal.appendWaiting(b, callback);
        } else {
            journal.append(b, callback);
        }
    }

    private Batch.Builder builder() {
        if (batch == null) {
            batch = Batch.builder();
        }
        return batch;
    }
}
