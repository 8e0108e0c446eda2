package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;

import java.lang.System.Logger.Level;
import java.util.function.BooleanSupplier;

/**
 * How one {@link MessageQueue} is deleted: at once ({@link MessageQueue#close}), or only when
 * nothing uses it (a temporary queue with no consumer, a subscription with no consumer and no
 * unacknowledged delivery). Deleting closes the open consumers (telling their sinks why, when
 * there is a reason), drops every available message (a stored one's record is deleted), removes
 * the queue's delivery mark from the store and wakes the senders blocked on the queue's limits.
 * Deliveries still outstanding stay with their sessions; settling them later drops their entries.
 *
 * <p>Threading contract: owned by its queue's serial executor; every method runs there. Not
 * thread-safe.
 */
final class Deletion {

    private final QueueState queue;
    private final Settlement settlement;
    private final DeliveryMarks marks;
    /** Run once, when the queue is deleted (tells the broker's observer). */
    private final Runnable deleted;

    Deletion(QueueState queue, Settlement settlement, DeliveryMarks marks, Runnable deleted) {
        this.queue = queue;
        this.settlement = settlement;
        this.marks = marks;
        this.deleted = deleted;
    }

    /** Deletes the queue unless a consumer is open on it (ILLEGAL_STATE). */
    void deleteIfUnused(Completion<Void> done) {
        if (!queue.consumers().isEmpty()) {
            done.fail(EngineException.illegalState("cannot delete " + queue.ref() + ": a consumer is still open on it"));
            return;
        }
        closeNow(null);
        done.complete(null);
    }

    /**
     * Deletes the queue if it has no consumer and no unacknowledged delivery and {@code detach}
     * agrees; ILLEGAL_STATE otherwise.
     */
    void deleteIfIdle(BooleanSupplier detach, Completion<Void> done) {
        int outstanding = queue.outstanding();
        if (!queue.consumers().isEmpty() || outstanding > 0 || !detach.getAsBoolean()) {
            done.fail(EngineException.illegalState("cannot delete " + (queue.ref().isQueue() ? "queue " : "subscription ")
                    + queue.name() + ": "
                    + (outstanding > 0 && queue.consumers().isEmpty()
                    ? outstanding + " message(s) delivered from it are not acknowledged yet"
                    : "it has an active consumer")));
            return;
        }
        closeNow(null);
        done.complete(null);
    }

    /** Deletes the queue now; open consumers get {@code onClosed(reason)} unless it is null. Idempotent. */
    void closeNow(EngineException reason) {
        if (!queue.close()) {
            return;
        }
        if (queue.store() != null) {
            marks.close();
        }
        ConsumerSet consumers = queue.consumers();
        for (QueueConsumer c : consumers.snapshot()) {
            consumers.remove(c);
            if (reason != null) {
                try {
                    c.sink.onClosed(reason);
                } catch (RuntimeException ex) {
                    QueueState.LOG.log(Level.ERROR,
                            "delivery sink of a consumer on " + queue.name() + " failed on close", ex);
                }
            }
            c.checkDrained();
        }
        MessageList available = queue.available();
        for (MessageEntry e = available.first(); e != null; e = available.after(e)) {
            settlement.dropped(e);
        }
        available.clear();
        queue.limits().wakeAll();
        deleted.run();
    }
}
