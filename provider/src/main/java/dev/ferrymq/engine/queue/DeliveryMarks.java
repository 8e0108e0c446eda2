package dev.ferrymq.engine.queue;

import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A durable queue's delivery mark: how the first delivery of a stored message is made durable
 * before the consumer sees it, without a write per message.
 *
 * <h2>The rule</h2>
 * A stored message may be handed to a consumer only once the store says it may have been
 * delivered, so that after a crash it comes back flagged (JMSRedelivered, JMSXDeliveryCount one
 * higher), never unflagged. A redelivery writes its exact count per message
 * ({@link QueueStore#delivering}); a first delivery is covered by the queue's mark instead: one
 * record saying "every stored message of this queue with a record id up to <i>m</i> may have been
 * delivered once". Record ids grow with time, so the mark is written {@link #WINDOW} ids ahead of
 * the message that needs it: messages of a steady stream arrive already covered and go to their
 * consumer at once, and the next mark is written in the background when half the window is used
 * (a background append: it rides along with the store's next sync). Only a message beyond the
 * durable mark waits, for one small write (group-committed with everything else in flight).
 *
 * <h2>The price</h2>
 * After a crash, messages that were never delivered but lie under the mark come back flagged as
 * redelivered too: at most a window's worth of ids past the last delivery, plus, when priorities
 * or selectors deliver out of arrival order, the older messages passed over. The specification
 * allows this: a set JMSRedelivered means the message was likely, not certainly, seen before.
 * The mark only grows; each new mark record replaces the previous one in the same atomic write.
 *
 * <p>Threading contract: owned by its queue's serial executor; store callbacks are brought back
 * onto it.
 */
final class DeliveryMarks {

    private static final System.Logger LOG = System.getLogger(DeliveryMarks.class.getName());

    /** How many record ids past the message that needs it a new mark reaches. */
    static final long WINDOW = 1024;

    private final QueueState queue;
    private final SerialExecutor executor;
    private final Consumer<QueueDelivery> ready;
    private QueueStore store;
    /** Every stored message with an id up to this is covered by a durable mark. */
    private long durable;
    /** The durable mark's record, or 0. */
    private long recordId;
    private boolean writing;
    private boolean closed;
    /** First deliveries waiting for a mark beyond {@link #durable}, in delivery order. */
    private final ArrayDeque<QueueDelivery> waiting = new ArrayDeque<>();

    /**
     * @param ready called (on the executor) with each waiting delivery once a mark covers it, or
     *              once writing the mark failed (the delivery goes ahead; only the flag after a
     *              crash is lost)
     */
    DeliveryMarks(QueueState queue, Consumer<QueueDelivery> ready) {
        this.queue = queue;
        this.executor = queue.executor();
        this.ready = ready;
    }

    void persistTo(QueueStore store) {
        this.store = store;
    }

    /** A mark recovered from the store: record {@code id} covering up to {@code upTo}. */
    void restore(long id, long upTo) {
        if (upTo > durable) {
            if (recordId != 0) {
                store.removed(recordId);
            }
            durable = upTo;
            recordId = id;
        } else {
            store.removed(id);
        }
    }

    /**
     * The first delivery {@code d} of a stored message is about to be handed over: true when a
     * durable mark covers it (hand it over now); false when it waits, to go to {@code ready} later.
     */
    boolean admit(QueueDelivery d) {
        long id = d.entry.storeId;
        if (id <= durable) {
            if (!writing && id > durable - WINDOW / 2) {
                write(id + WINDOW, true);
            }
            return true;
        }
        waiting.add(d);
        if (!writing) {
            write(id + WINDOW, false);
        }
        return false;
    }

    /** The queue is deleted: its mark record goes too. */
    void close() {
        closed = true;
        if (recordId != 0) {
            store.removed(recordId);
            recordId = 0;
        }
    }

    /**
     * Writes a mark up to {@code upTo}. {@code ahead}: no delivery waits for it (the durable mark
     * still covers the current one), so it goes with the store's next sync (or after a short
     * bounded delay) instead of forcing one of its own.
     */
    private void write(long upTo, boolean ahead) {
        writing = true;
        store.markDelivered(queue.ref(), queue.name(), upTo, recordId, ahead, new Completion<>() {
            @Override
            public void complete(Long id) {
                executor.execute(() -> written(upTo, id));
            }

            @Override
            public void fail(EngineException error) {
                executor.execute(() -> failed(error));
            }
        });
    }

    private void written(long upTo, long id) {
        writing = false;
        if (closed) {
            store.removed(id);
            return;
        }
        durable = Math.max(durable, upTo);
        recordId = id;
        long beyond = 0;
        int n = waiting.size();
        for (int i = 0; i < n; i++) {
            QueueDelivery d = waiting.poll();
            if (d.entry.storeId <= durable) {
                ready.accept(d);
            } else {
                beyond = Math.max(beyond, d.entry.storeId);
                waiting.add(d);
            }
        }
        if (beyond != 0) {
            write(beyond + WINDOW, false);
        }
    }

    private void failed(EngineException error) {
        writing = false;
        LOG.log(Level.WARNING, "the delivery mark of " + queue.name() + " could not be written (" + error.getMessage()
                + "); " + waiting.size() + " delivery(ies) go ahead without it", error);
        QueueDelivery d;
        while ((d = waiting.poll()) != null) {
            ready.accept(d);
        }
    }
}
