package dev.ferrymq.engine.persistence;

import dev.ferrymq.engine.queue.AcceptingQueue;
import dev.ferrymq.engine.queue.Address;
import dev.ferrymq.engine.queue.Arrivals;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;

import java.util.ArrayList;
import java.util.List;

/**
 * The one path by which messages that may be stored enter queues: a PERSISTENT send, a
 * transaction's commit, and every move (dead letter, expiry, back to origin). Each is routed
 * ({@link #route}), written as one atomic batch together with the deletes of what it consumed or
 * moved away ({@link #delete}), and enqueued only once that batch is durable ({@link #commit}).
 * A failed write fails the caller and enqueues nothing; the caller keeps what it consumed or
 * moved, so no message is lost. A message no queue stores (NON_PERSISTENT, or only non-durable
 * queues) takes the same path with nothing to write; a NON_PERSISTENT send skips it and is
 * published directly, as nothing of it can fail.
 *
 * <p>Threading contract: built and committed by one thread (not thread-safe); once committed,
 * the enqueue, {@code then} and the completion run once on the journal's callback thread (marked
 * as an engine thread), or at once on the committing thread when nothing is written.
 */
public final class Acceptance {

    private static final System.Logger LOG = System.getLogger("dev.ferrymq.store");

    private final Writes writes;
    private final Arrivals arrivals = new Arrivals();
    private final List<AcceptingQueue> to = new ArrayList<>(2);

    /** An accept whose records go into {@code writes}. */
    Acceptance(Writes writes) {
        this.writes = writes;
    }

    /** Routes {@code message}, sent by {@code publisher}, through {@code address}: a record for every queue that stores it. */
    public Acceptance route(Address address, MessageData message, Publisher publisher) {
        to.clear();
        address.route(message, publisher, to);
        for (AcceptingQueue q : to) {
            arrivals.add(q, message, writes.add(q, message));
        }
        return this;
    }

    /** Deletes record {@code id} in the same batch (a consumed or moved message); 0 is ignored. */
    public Acceptance delete(long id) {
        writes.delete(id);
        return this;
    }

    /**
     * Writes everything as one batch; once durable, enqueues the routed messages, runs
     * {@code then} and completes {@code done}. On failure nothing is enqueued, {@code then} never
     * runs and {@code done} fails (TRANSACTION_ROLLED_BACK for a {@code transaction}); a failure
     * message says it could not {@code what}.
     */
    public void commit(String what, boolean transaction, Runnable then, Completion<Void> done) {
        writes.commit(what, transaction, () -> {
            arrivals.enqueue();
            then.run();
        }, done);
    }

    /**
     * For a message no queue stored before it moved (a dead letter or expired message of a
     * temporary queue): {@link #commit}, but when the write fails the message is enqueued
     * unstored all the same (kept in memory, as durable as it was where it came from) with a
     * warning, and {@code done} completes: the move never loses it nor leaves it behind.
     */
    public void commitOrKeepInMemory(String what, Completion<Void> done) {
        writes.commit(what, false, arrivals::enqueue, new Completion<>() {
            @Override
            public void complete(Void result) {
                done.complete(null);
            }

            @Override
            public void fail(EngineException error) {
                LOG.log(System.Logger.Level.WARNING, "could not " + what + " (" + error.getMessage() + "); it is "
                        + "kept in memory and delivered, but will not survive a restart");
                arrivals.enqueueUnstored();
                done.complete(null);
            }
        });
    }
}
