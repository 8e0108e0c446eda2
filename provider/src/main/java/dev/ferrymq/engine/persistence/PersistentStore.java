package dev.ferrymq.engine.persistence;

import dev.ferrymq.engine.exec.EngineThreads;
import dev.ferrymq.engine.queue.Address;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.engine.queue.QueueStore;
import dev.ferrymq.engine.topic.Subscription;
import dev.ferrymq.engine.topic.SubscriptionStore;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.store.AppendCallback;
import dev.ferrymq.store.Batch;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.journals.Journals;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * A broker's persistence: the {@link Journal} under its durable queues and subscriptions.
 *
 * <h2>What is written</h2>
 * Only PERSISTENT messages on durable queues: queue destinations and durable (shared or not)
 * subscriptions; never temporary destinations or non-durable subscriptions, never NON_PERSISTENT
 * messages. Record types ({@link Records}): one {@code MESSAGE} record per (queue, message), a
 * {@code DELIVERY_COUNT} update per redelivery of it, a {@code REDELIVERY_TIME} update when a
 * handed-back message waits for a delayed redelivery, one {@code DELIVERY_MARK} record per queue
 * that has delivered stored messages, a {@code SUBSCRIPTION} record per durable subscription. An
 * acknowledgement or a drop deletes the message record; a move to another queue (dead letter,
 * expiry queue, back to its origin) adds the new record and deletes the old one in one batch.
 *
 * <h2>Completion semantics</h2>
 * A send of a PERSISTENT message completes (sync send returns, CompletionListener fires) once its
 * records are durable, and only then is the message enqueued; a commit is one atomic batch of its
 * adds and the deletes of what it consumed, applied in memory and completed once durable; an
 * acknowledgement completes once its deletes are durable (the message leaves memory at once).
 * AUTO_ACKNOWLEDGE and DUPS_OK acknowledgements and delivery marks written ahead, which nobody
 * waits for, are background appends ({@link Journal#appendBackground}): they ride along with the
 * next sync a send or commit needs instead of costing a sync round of their own.
 *
 * <h2>Delivery counts</h2>
 * A stored message is handed to a consumer only once the store knows it may have been delivered:
 * a first delivery is covered by its queue's delivery mark (written ahead, in the background, see
 * {@code dev.ferrymq.engine.queue.DeliveryMarks}), a redelivery by a durable count update. So a
 * message the application may have seen always has a stored count at least as high as what it
 * saw: after a crash it comes back with JMSRedelivered=true and JMSXDeliveryCount one more than
 * its last stored delivery, never unflagged. The count may be one too high (the process died
 * between the write and the hand-over), never too low; a message near or behind a delivered one
 * may come back flagged though it was never seen (allowed: the flag means "likely seen").
 *
 * <p>Threading contract: thread-safe; never blocks, but for one case: a send or commit started
 * on an application thread whose completion says the caller waits for it anyway
 * ({@link dev.ferrymq.spi.Completion#callerWaits()}) may write and sync its own journal round on
 * that thread ({@link dev.ferrymq.store.Journal#appendWaiting}). Journal callbacks run on the
 * writer thread or on such an application thread (file), or on the appending thread (memory);
 * everything they do to queues goes through {@link EngineThreads#asEngine} so no queue work runs
 * inline on the thread that wrote, but for one case: a waited-for send or commit whose own thread
 * wrote the round enqueues its messages on that thread after the round, as a non-persistent send
 * does ({@link Writes}).
 */
public final class PersistentStore implements QueueStore, SubscriptionStore {

    private static final System.Logger LOG = System.getLogger(PersistentStore.class.getName());
    /** The sender of messages the broker moves itself: no connection, so noLocal excludes no subscription. */
    private static final Publisher BROKER = () -> null;
    private static final Runnable NOTHING = () -> { };

    private final String broker;
    private final JournalConfig config;
    private volatile Journal journal;
    private volatile boolean closing;
    /** The closing check every accept's {@link Writes} is given (one object, not one per accept). */
    private final BooleanSupplier isClosing = () -> closing;
    private final ConcurrentHashMap<Subscription, Long> subscriptionIds = new ConcurrentHashMap<>();
    private final AppendCallback logFailure = new AppendCallback() {
        @Override
        public void onDurable() {
        }

        @Override
        public void onFailed(StoreException error) {
            if (error.kind() != StoreException.Kind.CLOSED) {
                LOG.log(Level.WARNING, "broker '" + broker + "': a background store write failed", error);
            }
        }
    };

    /** A store for {@code config}; {@link #open} opens its journal. */
    public PersistentStore(String broker, JournalConfig config) {
        this.broker = broker;
        this.config = config;
    }

    /**
     * Opens the journal, giving its live records to {@code listener}.
     *
     * @throws EngineException GENERAL when the directory is locked by another broker (naming it
     *                         and the holder's pid), written by an incompatible version, or unusable
     */
    public void open(RecoveryListener listener) {
        try {
            journal = Journals.open(config, listener);
        } catch (StoreException e) {
            throw StoreErrors.atStart(broker, config, e);
        }
        var report = journal.recoveryReport();
        if (!report.isClean()) {
            StringBuilder sb = new StringBuilder("broker '" + broker + "': the journal in " + config.directory()
                    + " was damaged; recovered everything before the damage and skipped:");
            report.damages().forEach(d -> sb.append("\n  ").append(d));
            LOG.log(Level.WARNING, sb.toString());
        } else if (report.liveRecords() > 0) {
            LOG.log(Level.DEBUG, "broker '" + broker + "': recovered " + report.liveRecords() + " record(s) from "
                    + report.segments() + " journal file(s) in " + config.directory());
        }
    }

    /** The journal; for recovery reporting and tests. */
    public Journal journal() {
        return journal;
    }

    public JournalConfig config() {
        return config;
    }

    /**
     * Sends a PERSISTENT message to {@code address} through the one accept path
     * ({@link Acceptance}): written to the durable queues it reaches, then enqueued everywhere and
     * {@code done} completed; a failed write fails {@code done} (RESOURCE_ALLOCATION for a full
     * disk) and enqueues nothing.
     */
    public void send(Address address, MessageData message, Publisher publisher, Completion<Void> done) {
        accept().route(address, message, publisher).commit("send", false, NOTHING, done);
    }

    /** The one path for messages entering queues: a send, a commit or a move ({@link Acceptance}). */
    public Acceptance accept() {
        return new Acceptance(new Writes(journal, broker, config, isClosing));
    }

    // ---- QueueStore --------------------------------------------------------------------------

    @Override
    public void markDelivered(DestinationRef ref, String queueName, long upTo, long replaces, boolean ahead,
                              Completion<Long> done) {
        if (closing) {
            return;
        }
        long id = journal.nextId();
        Batch.Builder b = Batch.builder().add(id, Records.DELIVERY_MARK, Records.mark(ref, queueName, upTo));
        if (replaces != 0) {
            b.delete(replaces);
        }
        AppendCallback callback = new AppendCallback() {
            @Override
            public void onDurable() {
                EngineThreads.asEngine(() -> done.complete(id));
            }

            @Override
            public void onFailed(StoreException error) {
                if (error.kind() != StoreException.Kind.CLOSED) {
                    EngineException e = StoreErrors.onWrite(broker, config, error, "write a delivery mark");
                    EngineThreads.asEngine(() -> done.fail(e));
                }
            }
        };
        if (ahead) {
            journal.appendBackground(b.build(), callback);
        } else {
            journal.append(b.build(), callback);
        }
    }

    @Override
    public void delivering(long id, int deliveryCount, Runnable handOver) {
        if (!closing) {
            writeCounts(Batch.update(id, Records.DELIVERY_COUNT, Records.count(deliveryCount)),
                    "the delivery count of a message", handOver, false);
        }
    }

    @Override
    public void redelivering(long[] ids, int[] counts, int count, Runnable then) {
        if (closing) {
            EngineThreads.asEngine(then);
            return;
        }
        Batch.Builder b = Batch.builder();
        for (int i = 0; i < count; i++) {
            b.update(ids[i], Records.DELIVERY_COUNT, Records.count(counts[i]));
        }
        writeCounts(b.build(), "the delivery counts of " + count + " redelivered message(s)", then, true);
    }

    /**
     * Appends delivery-count updates; {@code then} runs once durable, or after a failure (logged:
     * the delivery goes ahead, only its count is not stored), and after the journal closed only
     * when {@code thenWhenClosed}.
     */
    private void writeCounts(Batch batch, String what, Runnable then, boolean thenWhenClosed) {
        journal.append(batch, new AppendCallback() {
            @Override
            public void onDurable() {
                EngineThreads.asEngine(then);
            }

            @Override
            public void onFailed(StoreException error) {
                if (error.kind() == StoreException.Kind.CLOSED) {
                    if (thenWhenClosed) {
                        EngineThreads.asEngine(then);
                    }
                    return;
                }
                LOG.log(Level.WARNING, "broker '" + broker + "': " + what + " could not be written ("
                        + error.getMessage() + "); delivered anyway", error);
                EngineThreads.asEngine(then);
            }
        });
    }

    @Override
    public void removed(long id) {
        if (!closing) {
            journal.append(Batch.delete(id), logFailure);
        }
    }

    @Override
    public void move(long fromId, Address to, MessageData message, Completion<Void> done) {
        accept().route(to, message, BROKER).delete(fromId)
                .commit("move message " + message.messageId() + " to " + to.ref(), false, NOTHING, done);
    }

    @Override
    public void redeliveryDelayed(long id, long redeliverAt) {
        if (!closing) {
            journal.append(Batch.update(id, Records.REDELIVERY_TIME, Records.time(redeliverAt)), logFailure);
        }
    }

    @Override
    public void acknowledged(long[] ids, int count, boolean background, Completion<Void> done) {
        if (closing) {
            done.fail(EngineException.illegalState("broker '" + broker + "' is stopping: the acknowledgement "
                    + "was not written, so the message(s) will be delivered again after a restart"));
            return;
        }
        Batch batch;
        if (count == 1) {
            batch = Batch.delete(ids[0]);
        } else {
            Batch.Builder b = Batch.builder();
            for (int i = 0; i < count; i++) {
                b.delete(ids[i]);
            }
            batch = b.build();
        }
        if (background) {
            journal.appendBackground(batch, completing(done, "acknowledge"));
        } else {
            journal.append(batch, completing(done, "acknowledge"));
        }
    }

    // ---- SubscriptionStore -------------------------------------------------------------------

    @Override
    public void created(Subscription s) {
        if (closing) {
            return;
        }
        long id = journal.nextId();
        subscriptionIds.put(s, id);
        journal.append(Batch.add(id, Records.SUBSCRIPTION, Records.subscription(s)), logFailure);
    }

    @Override
    public void removed(Subscription s) {
        Long id = subscriptionIds.remove(s);
        if (id != null && !closing) {
            journal.append(Batch.delete(id), logFailure);
        }
    }

    @Override
    public QueueStore queues() {
        return this;
    }

    /** A durable subscription recovered from record {@code id}. */
    void restored(Subscription s, long id) {
        subscriptionIds.put(s, id);
    }

    /** Deletes a record found useless at recovery (orphaned, expired, unreadable). */
    void discard(long id) {
        journal.append(Batch.delete(id), logFailure);
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    /**
     * The broker is stopping: from now on queues being torn down write nothing (their messages stay
     * stored), deliveries waiting for their count are not handed over and new writes fail.
     */
    public void stopping() {
        closing = true;
    }

    /** Completes what was accepted and releases the data directory. Not from a journal callback. */
    public void close() {
        closing = true;
        Journal j = journal;
        if (j != null) {
            j.close();
        }
    }

    String broker() {
        return broker;
    }

    /** A callback completing {@code done} on an engine-marked thread, mapping failures for {@code what}. */
    AppendCallback completing(Completion<Void> done, String what) {
        return new AppendCallback() {
            @Override
            public void onDurable() {
                EngineThreads.asEngine(() -> done.complete(null));
            }

            @Override
            public void onFailed(StoreException error) {
                EngineException e = StoreErrors.onWrite(broker, config, error, what);
                EngineThreads.asEngine(() -> done.fail(e));
            }
        };
    }

    @Override
    public String toString() {
        return "PersistentStore[" + broker + ", " + config + "]";
    }
}
