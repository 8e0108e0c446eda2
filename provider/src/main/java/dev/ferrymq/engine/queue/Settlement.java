package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ReleaseReason;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How one {@link MessageQueue}'s deliveries and entries end: a delivery is acknowledged (its entry
 * consumed, a stored message's record deleted) or released (its entry back at its place and
 * offered again, or taken by the redelivery policy in {@link Redeliveries}); an entry expires
 * (to the expiry queue, or dropped) or is dropped (it leaves without being consumed, its record
 * deleted in the background); a delayed redelivery comes back ({@link #requeue}). A delivery that
 * was already settled is stale: settling it again does nothing.
 *
 * <p>Threading contract: owned by its queue's serial executor; every method runs there. Not
 * thread-safe.
 */
final class Settlement implements Redeliveries.Returns {

    private final QueueState queue;
    private final MessageList available;
    private final ConsumerSet consumers;
    private final QueueLimits limits;
    private final Redeliveries redeliveries;
    /** Offers an entry back at its place to the ready consumers (dispatch); true when one took it. */
    private final Predicate<MessageEntry> offer;
    long acknowledgedCount;
    long expiredCount;

    /**
     * @param offer dispatch's offer of an entry to the ready consumers; this class settles, the
     *              dispatch hands out
     */
    Settlement(QueueState queue, Predicate<MessageEntry> offer) {
        this.queue = queue;
        this.available = queue.available();
        this.consumers = queue.consumers();
        this.limits = queue.limits();
        this.offer = offer;
        this.redeliveries = new Redeliveries(queue, this);
    }

    /** What the redelivery policy does with entries handed back (delays, dead letters, expiry). */
    Redeliveries redeliveries() {
        return redeliveries;
    }

    /**
     * Acknowledges {@code deliveries}; {@code done} completes once the deletes of their stored
     * messages are durable. {@code background}: see {@link QueueStore#acknowledged}.
     */
    void acknowledge(List<QueueDelivery> deliveries, boolean background, Completion<Void> done) {
        long[] ids = null;
        int n = 0;
        long now = 0;
        long before = acknowledgedCount;
        for (QueueDelivery d : deliveries) {
            if (now == 0 && d.deliveredNanos != 0) {
                now = System.nanoTime();
            }
            long id = acknowledged(d, now);
            if (id != 0) {
                if (ids == null) {
                    ids = new long[deliveries.size()];
                }
                ids[n++] = id;
            }
        }
        QueueStore store = queue.store();
        QueueMeters meters = queue.meters();
        if (n == 0 || store == null) {
            meters.acknowledgement.record(0, (int) (acknowledgedCount - before));
            done.complete(null);
        } else {
            meters.acknowledgement.record(0, (int) (acknowledgedCount - before) - n);
            int stored = n;
            long start = now != 0 ? now : System.nanoTime();
            store.acknowledged(ids, n, background, new Completion<>() {
                @Override
                public void complete(Void result) {
                    long took = System.nanoTime() - start;
                    meters.acknowledgement.record(took, stored);
                    done.complete(null);
                }

                @Override
                public void fail(dev.ferrymq.spi.EngineException error) {
                    done.fail(error);
                }
            });
        }
    }

    /** Acknowledges deliveries whose stored messages a committed transaction already deleted. */
    void acknowledgeCommitted(List<QueueDelivery> deliveries) {
        long now = 0;
        for (QueueDelivery d : deliveries) {
            if (now == 0 && d.deliveredNanos != 0) {
                now = System.nanoTime();
            }
            acknowledged(d, now);
        }
    }

    /**
     * Puts deliveries back at their places and offers them again. {@code reason} {@code null}: the
     * application never saw them; otherwise the redelivery policy applies
     * ({@link Redeliveries#decide}).
     */
    void release(List<QueueDelivery> deliveries, ReleaseReason reason) {
        List<MessageEntry> back = null;
        for (QueueDelivery d : deliveries) {
            MessageEntry e = d.entry;
            if (!d.isCurrent()) {
                continue;
            }
            back = handBack(d, reason, redeliveries.decide(e, d, reason), back);
        }
        offerBack(back);
    }

    /**
     * Settles current delivery {@code d}, handed back for {@code reason} with the decided
     * {@code outcome}, and carries the outcome out; an entry going back to its place is added to
     * {@code back} (created when null) for {@link #offerBack}, which is returned.
     */
    List<MessageEntry> handBack(QueueDelivery d, ReleaseReason reason, Redeliveries.Outcome outcome,
                                List<MessageEntry> back) {
        MessageEntry e = d.entry;
        e.delivery = 0;
        boolean delivered = reason != null && reason.delivered();
        if (delivered) {
            e.priorDeliveries = d.deliveryCount();
        }
        settle(d);
        switch (outcome) {
            case DROP -> dropped(e);
            case EXPIRE -> expired(e);
            case DEAD_LETTER -> redeliveries.deadLetter(e, d.deliveryCount());
            case DELAY -> redeliveries.delay(e, d.deliveryCount());
            case AT_ONCE -> {
                if (delivered) {
                    queue.meters().redelivered(0);
                }
                available.add(e);
                queue.arriving(e.message);
                List<MessageEntry> list = back == null ? new ArrayList<>() : back;
                list.add(e);
                return list;
            }
        }
        return back;
    }

    /** Offers entries put back at their places to ready consumers, in delivery order. */
    void offerBack(List<MessageEntry> back) {
        if (back != null && !consumers.noneReady()) {
            back.sort(MessageEntry.DELIVERY_ORDER);
            for (MessageEntry e : back) {
                if (e.listed && !consumers.noneReady()) {
                    offer.test(e);
                }
            }
        }
    }

    /** A delayed redelivery is due: {@code e} goes back to its place and to a ready consumer. */
    @Override
    public void requeue(MessageEntry e) {
        if (queue.isClosed()) {
            dropped(e);
        } else if (queue.expiredNow(e)) {
            expired(e);
        } else {
            available.add(e);
            queue.arriving(e.message);
            if (!consumers.noneReady()) {
                offer.test(e);
            }
        }
    }

    void expired(MessageEntry e) {
        expiredCount++;
        if (!redeliveries.forwardExpired(e)) {
            dropped(e);
        }
    }

    /** The message leaves the queue without being consumed. */
    @Override
    public void dropped(MessageEntry e) {
        e.delivery = 0;
        limits.removed(e.message);
        QueueStore store = queue.store();
        if (e.storeId != 0 && store != null) {
            store.removed(e.storeId);
        }
    }

    /** Consumes {@code d}'s entry for good; returns its store id to delete (0: none, or a stale delivery). */
    private long acknowledged(QueueDelivery d, long now) {
        MessageEntry e = d.entry;
        if (!d.isCurrent()) {
            return 0;
        }
        e.delivery = 0;
        settle(d);
        acknowledgedCount++;
        if (d.deliveredNanos != 0) {
            queue.meters().processing.record(now - d.deliveredNanos);
        }
        limits.removed(e.message);
        return e.storeId;
    }

    private void settle(QueueDelivery d) {
        queue.settled(d);
    }
}
