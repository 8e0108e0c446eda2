package dev.ferrymq.engine.queue;

import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.ReleaseReason;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The walks over one {@link MessageQueue}'s messages that are not dispatch: browsing, the expiry
 * and acknowledgement-timeout sweeps, and moving messages out (dead letters back to their origin).
 *
 * <p>Threading contract: every public method may be called from any thread; it hands its work to
 * the queue's serial executor and touches queue state only there.
 */
public final class QueueScans implements ExpirySweeper.Swept, AckTimeoutSweeper.Swept {

    private final QueueState q;
    private final Settlement settlement;
    private final Redeliveries redeliveries;

    QueueScans(QueueState queue, Settlement settlement) {
        this.q = queue;
        this.settlement = settlement;
        this.redeliveries = settlement.redeliveries();
    }

    /** A snapshot of the available, unexpired messages matching {@code selector}, in delivery order. */
    public void browse(Selector selector, Completion<List<MessageData>> done) {
        q.executor().execute(() -> {
            long now = q.runtime().now();
            List<MessageData> out = new ArrayList<>();
            for (MessageEntry e = q.available().first(); e != null; e = q.available().after(e)) {
                if (!e.isExpired(now) && (selector == null || q.matches(selector, e.message))) {
                    out.add(e.message);
                }
            }
            done.complete(out);
        });
    }

    /**
     * Management: drops every available message (a stored one's record is deleted in the
     * background); deliveries not yet acknowledged and messages waiting for a delayed redelivery
     * stay. Completes with how many were dropped.
     */
    public void purge(Completion<Integer> done) {
        q.executor().execute(() -> {
            int n = 0;
            for (MessageEntry e = q.available().first(); e != null; ) {
                MessageEntry next = q.available().after(e);
                q.available().remove(e);
                settlement.dropped(e);
                n++;
                e = next;
            }
            done.complete(n);
        });
    }

    /**
     * Drops every available message that has expired (the {@link ExpirySweeper} calls this while
     * the queue may hold a message with an expiration), through the expiry queue when one is
     * configured. When no available message can expire any more, the queue leaves the sweeper's
     * set until one arrives or comes back (released, or at the end of its redelivery delay: see
     * {@link QueueState#arriving}).
     */
    @Override
    public void sweepExpired() {
        q.executor().execute(() -> {
            long now = q.runtime().now();
            boolean expiringLeft = false;
            for (MessageEntry e = q.available().first(); e != null; ) {
                MessageEntry next = q.available().after(e);
                if (e.isExpired(now)) {
                    q.available().remove(e);
                    settlement.expired(e);
                } else if (e.message.expiration() != 0) {
                    expiringLeft = true;
                }
                e = next;
            }
            if (!expiringLeft) {
                q.holdsNoExpiring();
            }
        });
    }

    /**
     * Takes back every delivery its consumer has held unacknowledged longer than the queue's
     * acknowledgement timeout: redelivered (preferably to another consumer), the owner told (the
     * {@link AckTimeoutSweeper} calls this while the queue has deliveries outstanding under a
     * timeout). When none is outstanding any more, the queue leaves the sweeper's set until a
     * delivery is made (see {@link QueueState#delivered}). Does nothing, without a task, when the
     * queue has no timeout.
     */
    @Override
    public void sweepAckTimeouts() {
        long timeout = q.policy().ackTimeout();
        if (timeout <= 0) {
            return;
        }
        q.executor().execute(() -> {
            if (q.outstanding() == 0) {
                q.holdsNoDelivery();
                return;
            }
            long limit = q.runtime().now() - timeout;
            ReleaseReason reason = new ReleaseReason(ReleaseReason.Cause.ACK_TIMEOUT,
                    "not acknowledged within the acknowledgement timeout of " + timeout + " ms");
            for (QueueConsumer c : q.consumers().snapshot()) {
                for (QueueDelivery d : c.outstandingList()) {
                    if (d.deliveredAt > limit) {
                        break;
                    }
                    if (d.claimed) {
                        continue;
                    }
                    d.entry.avoid = c.id;
                    settlement.release(List.of(d), reason);
                    if (c.owner instanceof AckTimeoutListener l) {
                        l.ackTimedOut(q.name(), d.message().messageId(), timeout);
                    }
                }
            }
        });
    }

    /** Where {@link #moveOut} sends one message: address {@code to}, as {@code message}. */
    public record Move(Address to, MessageData message) {
    }

    /**
     * Moves the available messages matching {@code selector} (null: all) for which {@code mover}
     * names a {@link Move} (null: the message stays) out of the queue, each stored one in one
     * atomic write ({@link Redeliveries#moveOut}). Completes with how many moved once every move is
     * durable; when some could not be written those stay here and {@code done} fails with the
     * first error, saying how many moved.
     */
    public void moveOut(Selector selector, Function<MessageData, Move> mover, Completion<Integer> done) {
        q.executor().execute(() -> {
            Tally tally = new Tally(done);
            for (MessageEntry e = q.available().first(); e != null; ) {
                MessageEntry next = q.available().after(e);
                Move m = selector == null || q.matches(selector, e.message) ? mover.apply(e.message) : null;
                if (m != null) {
                    MessageEntry entry = e;
                    q.available().remove(entry);
                    tally.pending++;
                    redeliveries.moveOut(entry, m.to(), m.message(), () -> {
                        tally.moved++;
                        tally.finish();
                    }, error -> {
                        tally.failed(error);
                        settlement.requeue(entry);
                        tally.finish();
                    });
                }
                e = next;
            }
            tally.finish();
        });
    }

    /** The moves of one {@link #moveOut} call still in flight. Confined to the queue's executor. */
    private static final class Tally {
        final Completion<Integer> done;
        /** Moves not yet finished, plus one for the scan itself. */
        int pending = 1;
        int moved;
        int failedCount;
        EngineException firstError;

        Tally(Completion<Integer> done) {
            this.done = done;
        }

        void failed(EngineException error) {
            failedCount++;
            if (firstError == null) {
                firstError = error;
            }
        }

        void finish() {
            if (--pending > 0) {
                return;
            }
            if (firstError == null) {
                done.complete(moved);
            } else {
                done.fail(new EngineException(firstError.kind(), moved + " message(s) moved, " + failedCount
                        + " could not be and stay where they were: " + firstError.getMessage(), firstError));
            }
        }
    }
}
