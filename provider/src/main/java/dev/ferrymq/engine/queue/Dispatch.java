package dev.ferrymq.engine.queue;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.MessageData;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * How one {@link MessageQueue}'s messages reach its consumers: a message arrives (counted, or
 * dropped or expired at once), is offered to the ready consumers round-robin or listed as
 * available, and a consumer that becomes ready is filled from the available list. Each delivery
 * made is handed to its consumer's sink in delivery order; the delivery of a stored message only
 * once the store knows of it (a first delivery through the queue's {@link DeliveryMarks}, a
 * redelivery by writing its count), and whatever was delivered to the same consumer after it
 * waits behind it.
 *
 * <p>This is the hot path (arrive, offer, deliver, hand to the sink): it allocates only the
 * entry and the delivery per message, and touches the store only for stored messages.
 *
 * <p>Threading contract: owned by its queue's serial executor; every method runs there (store
 * callbacks are brought back onto it). Not thread-safe.
 */
final class Dispatch {

    private final QueueState queue;
    private final EngineRuntime runtime;
    private final MessageList available;
    private final ConsumerSet consumers;
    private final Settlement settlement;
    private final Redeliveries redeliveries;
    private final DeliveryMarks marks;
    /** The queue's selector evaluation, for the consumer ring. */
    private final BiPredicate<Selector, MessageData> matcher;
    private long nextSeq;
    long enqueuedCount;
    long deliveredCount;

    Dispatch(QueueState queue, Settlement settlement, DeliveryMarks marks) {
        this.queue = queue;
        this.runtime = queue.runtime();
        this.available = queue.available();
        this.consumers = queue.consumers();
        this.settlement = settlement;
        this.redeliveries = settlement.redeliveries();
        this.marks = marks;
        this.matcher = queue::matches;
    }

    /**
     * A message arrives (its delivery time has come), stored as record {@code storeId} (0: not
     * stored), delivered {@code priorDeliveries} times before.
     */
    void arrive(MessageData message, long storeId, int priorDeliveries) {
        MessageEntry e = enter(message, storeId, priorDeliveries);
        if (e == null) {
            return;
        }
        if (queue.expiredNow(e)) {
            settlement.expired(e);
            return;
        }
        if (consumers.noneReady() || !offer(e)) {
            available.add(e);
        }
    }

    /**
     * A recovered message that was waiting for a delayed redelivery: it takes its place in arrival
     * order now, as it had before the restart, and becomes available when {@code notBefore}
     * (epoch ms) comes, at that place.
     */
    void arriveHeld(MessageData message, long storeId, int priorDeliveries, long notBefore) {
        MessageEntry e = enter(message, storeId, priorDeliveries);
        if (e != null) {
            redeliveries.hold(e, Math.max(0, notBefore - runtime.now()));
        }
    }

    /** A new entry counted as enqueued, or null (and dropped) when the queue is closed. */
    private MessageEntry enter(MessageData message, long storeId, int priorDeliveries) {
        MessageEntry e = new MessageEntry(message, nextSeq++, storeId);
        if (queue.isClosed()) {
            settlement.dropped(e);
            return null;
        }
        e.priorDeliveries = priorDeliveries;
        enqueuedCount++;
        queue.arriving(message);
        return e;
    }

    /** Offers {@code e} to the ready consumers round-robin; true when one took it. */
    boolean offer(MessageEntry e) {
        QueueConsumer c = consumers.nextAccepting(e, matcher);
        if (c == null) {
            return false;
        }
        deliver(c, e);
        return true;
    }

    /** Gives a consumer that just became ready what it accepts, within its credit. */
    void fill(QueueConsumer c) {
        if (consumers.paused()) {
            return;
        }
        MessageEntry e = available.first();
        while (e != null && c.readyIndex >= 0) {
            MessageEntry next = available.after(e);
            if (queue.expiredNow(e)) {
                available.remove(e);
                settlement.expired(e);
            } else if ((c.selector == null || queue.matches(c.selector, e.message))
                    && (e.avoid != c.id || consumers.size() == 1)) {
                deliver(c, e);
            }
            e = next;
        }
    }

    /** Management: stops ({@code true}) or resumes dispatch to consumers; resuming fills every ready consumer. */
    void pause(boolean pause) {
        consumers.pause(pause);
        if (!pause) {
            for (QueueConsumer c : consumers.snapshot()) {
                if (c.readyIndex >= 0) {
                    fill(c);
                }
            }
        }
    }

    /** A delivery was made again outside dispatch ({@link LocalRedelivery}): it counts as delivered. */
    void countRedelivered() {
        deliveredCount++;
    }

    /**
     * A stored message's delivery count is durable (or writing the mark failed): {@code d} no
     * longer waits, and what its consumer holds behind it may follow.
     */
    void storeReached(QueueDelivery d) {
        d.awaitingStore = false;
        handOverReady(d.consumer);
    }

    private void deliver(QueueConsumer c, MessageEntry e) {
        if (e.listed) {
            available.remove(e);
        }
        QueueDelivery d = new QueueDelivery(e, c, e.priorDeliveries + 1);
        d.makeCurrent();
        e.avoid = 0;
        if (queue.policy().ackTimeout() > 0) {
            d.deliveredAt = runtime.now();
        }
        d.deliveredNanos = queue.meters().processingStart();
        queue.delivered(d);
        deliveredCount++;
        if (--c.credit == 0) {
            consumers.update(c);
        }
        if (e.storeId != 0 && queue.store() != null && !storedNow(d)) {
            d.awaitingStore = true;
            c.handOvers.add(d);
        } else if (c.handOvers.isEmpty()) {
            toSink(d);
        } else {
            c.handOvers.add(d);
        }
    }

    /**
     * Makes the delivery of a stored message known to the store before its consumer sees it: a
     * first delivery through the queue's {@link DeliveryMarks}, a redelivery by writing its count.
     * True when nothing needs to be waited for; otherwise {@link #storeReached} follows.
     */
    private boolean storedNow(QueueDelivery d) {
        if (d.deliveryCount() == 1) {
            return marks.admit(d);
        }
        queue.store().delivering(d.entry.storeId, d.deliveryCount(),
                () -> queue.executor().execute(() -> storeReached(d)));
        return false;
    }

    /** Hands over, in delivery order, the deliveries of {@code c} that no longer wait for the store. */
    private void handOverReady(QueueConsumer c) {
        QueueDelivery head;
        while ((head = c.handOvers.peek()) != null && !head.awaitingStore) {
            c.handOvers.poll();
            handOver(head);
        }
    }

    /**
     * A delivery's turn has come (a stored message's delivery count is durable, and everything
     * delivered to the consumer before it was handed over): it goes to its consumer, unless it
     * was settled meanwhile, or its consumer closed or was suspended: then it is taken back as
     * never made (its credit returned), to be made again later.
     */
    private void handOver(QueueDelivery d) {
        MessageEntry e = d.entry;
        if (queue.isClosed() || !d.isCurrent()) {
            return;
        }
        QueueConsumer c = d.consumer;
        if (c.closed || c.suspended) {
            deliveredCount--;
            c.credit++;
            if (!c.closed) {
                consumers.update(c);
            }
            settlement.release(List.of(d), null);
            return;
        }
        toSink(d);
    }

    private void toSink(QueueDelivery d) {
        try {
            d.consumer.sink.onDelivery(d);
        } catch (RuntimeException ex) {
            QueueState.LOG.log(System.Logger.Level.ERROR,
                    "delivery sink of a consumer on " + queue.name() + " failed", ex);
        }
    }
}
