package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.persistence.Acceptance;
import dev.ferrymq.engine.queue.Address;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.engine.queue.QueueLimits;
import dev.ferrymq.engine.queue.QueueDelivery;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.ReleaseReason;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A transacted session's local transaction: the sends it holds until commit, the commit (one
 * atomic write of its stored sends and of the deletes of what it consumed, then everything
 * applied in memory) and the rollback. A rollback, and every failed commit, ends the same way:
 * the sends are discarded and the consumed deliveries are redelivered locally
 * ({@link DeliveryBatches#redeliver}) with {@link ReleaseReason.Cause#ROLLBACK}, so the
 * redelivery policy decides what comes back at once, later, or goes to the dead-letter queue.
 *
 * <p>Threading contract: {@link #add}, {@link #commit}, {@link #rollback} are called by the
 * session's serialized callers; {@link #clear} also by a connection close on another thread,
 * hence the concurrent buffer. Commit continues on store and pool threads through completions.
 */
final class LocalTransaction {

    private static final ReleaseReason ROLLED_BACK = ReleaseReason.of(ReleaseReason.Cause.ROLLBACK);

    /** A send held until commit, with the address it resolved to when it was made. */
    record PendingSend(MessageData message, Address address) {
    }

    /** The session's connection, the sender of the held messages (noLocal). */
    private final Publisher connection;
    private final BrokerContext broker;
    private final SendGate gate;
    private final ConcurrentLinkedQueue<PendingSend> sends = new ConcurrentLinkedQueue<>();

    /** The transaction of a session of {@code connection} on {@code broker}, sending through {@code gate}. */
    LocalTransaction(BrokerContext broker, Publisher connection, SendGate gate) {
        this.connection = connection;
        this.broker = broker;
        this.gate = gate;
    }

    void add(MessageData message, Address address) {
        sends.add(new PendingSend(message, address));
    }

    /** Discards the held sends (the session closes). */
    void clear() {
        sends.clear();
    }

    /**
     * Commits: the held sends and the acknowledgement of {@code owned}, atomically; on any failure
     * the transaction is rolled back and {@code done} fails with TRANSACTION_ROLLED_BACK.
     */
    void commit(List<QueueDelivery> owned, Completion<Void> done) {
        List<PendingSend> taken = drain();
        Completion<Void> outcome = new Completion<>() {
            @Override
            public boolean callerWaits() {
                return done.callerWaits();
            }

            @Override
            public void complete(Void result) {
                done.complete(null);
            }

            @Override
            public void fail(EngineException error) {
                rolledBack(owned, error, done);
            }
        };
        for (PendingSend p : taken) {
            if (p.address().isDeleted()) {
                outcome.fail(EngineException.invalidDestination(p.address().ref() + " was deleted before commit"));
                return;
            }
        }
        if (taken.isEmpty()) {
            commitWrites(owned, taken, outcome);
        } else {
            gate.submit(new Commit(owned, taken, outcome));
        }
    }

    /** Rolls back: the held sends are discarded, {@code owned} redelivered with {@code reason}. */
    void rollback(List<QueueDelivery> owned, ReleaseReason reason, Completion<Void> done) {
        sends.clear();
        DeliveryBatches.redeliver(owned, reason, done);
    }

    /** A failed commit: {@code owned} is redelivered, then {@code done} fails with TRANSACTION_ROLLED_BACK. */
    private static void rolledBack(List<QueueDelivery> owned, EngineException error, Completion<Void> done) {
        EngineException rolledBack = EngineException.rolledBack(error.getMessage(), error);
        DeliveryBatches.redeliver(owned, ROLLED_BACK, new Completion<>() {
            @Override
            public void complete(Void result) {
                done.fail(rolledBack);
            }

            @Override
            public void fail(EngineException redeliveryFailure) {
                rolledBack.addSuppressed(redeliveryFailure);
                done.fail(rolledBack);
            }
        });
    }

    private List<PendingSend> drain() {
        List<PendingSend> out = new ArrayList<>();
        PendingSend p;
        while ((p = sends.poll()) != null) {
            out.add(p);
        }
        return out;
    }

    /** A commit with sends: written once the queues they go to have room (see {@link SendGate}). */
    private final class Commit implements SendGate.Attempt {
        private final List<QueueDelivery> owned;
        private final List<PendingSend> taken;
        private final Completion<Void> done;

        Commit(List<QueueDelivery> owned, List<PendingSend> taken, Completion<Void> done) {
            this.owned = owned;
            this.taken = taken;
            this.done = done;
        }

        @Override
        public QueueLimits blockedOn() {
            for (PendingSend p : taken) {
                QueueLimits q = p.address().blockedOn(p.message(), connection);
                if (q != null) {
                    return q;
                }
            }
            return null;
        }

        @Override
        public void proceed() {
            commitWrites(owned, taken, done);
        }

        @Override
        public void fail(EngineException error) {
            done.fail(error);
        }

        @Override
        public long sendTimeout() {
            return broker.limits(taken.get(0).address().ref().name()).sendTimeout();
        }
    }

    /**
     * Writes the transaction as one atomic batch (its PERSISTENT sends to durable queues and the
     * deletes of what it consumed); once durable, acknowledges and enqueues in memory and completes.
     */
    private void commitWrites(List<QueueDelivery> owned, List<PendingSend> taken, Completion<Void> done) {
        List<QueueDelivery> stored = null;
        for (QueueDelivery d : owned) {
            if (d.storeId() != 0) {
                if (stored == null) {
                    stored = new ArrayList<>(owned.size());
                }
                stored.add(d);
            }
        }
        if (stored == null) {
            writeCommit(owned, List.of(), taken, done);
            return;
        }
        DeliveryBatches.claimForCommit(stored, new Completion<>() {
            @Override
            public void complete(List<QueueDelivery> current) {
                writeCommit(owned, current, taken, done);
            }

            @Override
            public void fail(EngineException error) {
                done.fail(error);
            }
        });
    }

    /**
     * Writes the transaction's sends and the deletes of the stored messages in {@code deletes}
     * (those of {@code owned} still current) as one batch through the broker's one accept path;
     * once durable, enqueues the sends and acknowledges {@code owned} in memory.
     */
    private void writeCommit(List<QueueDelivery> owned, List<QueueDelivery> deletes, List<PendingSend> taken,
                             Completion<Void> done) {
        Acceptance accept = broker.store().accept();
        for (PendingSend p : taken) {
            accept.route(p.address(), p.message(), connection);
        }
        for (QueueDelivery d : deletes) {
            accept.delete(d.storeId());
        }
        accept.commit("commit", true, () -> DeliveryBatches.acknowledgeCommitted(owned), done);
    }
}
