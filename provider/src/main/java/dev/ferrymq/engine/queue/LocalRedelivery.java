package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.ReleaseReason;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redelivers deliveries the application saw to the consumers that hold them, without putting
 * them back in the queue ({@code EngineSession.redeliver}): a rollback or recover then costs the
 * rolled-back messages only, not the consumer's whole prefetch going back to the queue and being
 * dispatched again. Each such entry stays outstanding; its delivery is replaced by a new one that
 * counts one more, and the consumer's sink gets its redeliveries in one call, in delivery order.
 * When some of them are stored messages, their new counts are written first, in one batch, and
 * the sinks get the redeliveries once it is durable (a crash can never bring them back with a
 * lower count than the application saw). The redelivery policy decides for each
 * ({@link Redeliveries#decide}, as for a release); what it does not redeliver at once (a delay,
 * the dead-letter queue, expired) and what a closed consumer held goes the way of
 * {@link Settlement#release}.
 *
 * <p>Threading contract: one per queue; every call, and each call's {@link Batch}, confined to
 * the queue's serial executor.
 */
final class LocalRedelivery {

    private static final System.Logger LOG = System.getLogger(LocalRedelivery.class.getName());

    private final QueueState queue;
    private final Redeliveries redeliveries;
    private final Settlement settlement;
    /** Counts a delivery made again outside dispatch as delivered. */
    private final Runnable countRedelivered;

    LocalRedelivery(QueueState queue, Settlement settlement, Runnable countRedelivered) {
        this.queue = queue;
        this.redeliveries = settlement.redeliveries();
        this.settlement = settlement;
        this.countRedelivered = countRedelivered;
    }

    /** On the queue's executor: redelivers {@code deliveries} and completes {@code done} once the sinks have them. */
    void run(List<QueueDelivery> deliveries, ReleaseReason reason, Completion<Void> done) {
        Batch r = new Batch();
        List<MessageEntry> back = null;
        for (QueueDelivery d : deliveries) {
            MessageEntry e = d.entry;
            if (!d.isCurrent()) {
                continue;
            }
            Redeliveries.Outcome outcome = redeliveries.decide(e, d, reason);
            if (outcome == Redeliveries.Outcome.AT_ONCE && !d.consumer.closed) {
                r.redeliver(d);
            } else {
                back = settlement.handBack(d, reason, outcome, back);
            }
        }
        settlement.offerBack(back);
        if (!r.writeCounts(done)) {
            r.byConsumer.forEach(r::handOver);
            done.complete(null);
        }
    }

    /** The redeliveries of one call, by consumer. */
    private final class Batch {
        private final Map<QueueConsumer, List<QueueDelivery>> byConsumer = new IdentityHashMap<>(2);

        /**
         * Writes the new counts of the stored redeliveries, then hands everything over and completes
         * {@code done} on the queue's executor; false when none is stored.
         */
        private boolean writeCounts(Completion<Void> done) {
            QueueStore store = queue.store();
            if (store == null) {
                return false;
            }
            long[] ids = null;
            int[] counts = null;
            int n = 0;
            for (List<QueueDelivery> list : byConsumer.values()) {
                for (QueueDelivery d : list) {
                    if (d.entry.storeId == 0) {
                        continue;
                    }
                    if (ids == null) {
                        ids = new long[list.size() * byConsumer.size()];
                        counts = new int[ids.length];
                    }
                    if (n == ids.length) {
                        ids = java.util.Arrays.copyOf(ids, n * 2);
                        counts = java.util.Arrays.copyOf(counts, n * 2);
                    }
                    ids[n] = d.entry.storeId;
                    counts[n++] = d.deliveryCount();
                }
            }
            if (n == 0) {
                return false;
            }
            store.redelivering(ids, counts, n, () -> queue.executor().execute(() -> {
                byConsumer.forEach(this::handOver);
                done.complete(null);
            }));
            return true;
        }

        private void redeliver(QueueDelivery d) {
            MessageEntry e = d.entry;
            QueueConsumer c = d.consumer;
            e.priorDeliveries = d.deliveryCount();
            QueueDelivery next = new QueueDelivery(e, c, d.deliveryCount() + 1);
            if (queue.policy().ackTimeout() > 0) {
                next.deliveredAt = queue.runtime().now();
            }
            next.deliveredNanos = queue.meters().processingStart();
            queue.meters().redelivered(0);
            next.makeCurrent();
            c.replaceOutstanding(d, next);
            countRedelivered.run();
            byConsumer.computeIfAbsent(c, k -> new ArrayList<>()).add(next);
        }

        /**
         * Gives {@code c} its redeliveries in the queue's delivery order (priority, then arrival), the
         * order they would come in had they gone back to the queue: the facade's list may not be in
         * that order (INDIVIDUAL_ACKNOWLEDGE keeps a set).
         */
        private void handOver(QueueConsumer c, List<QueueDelivery> redelivered) {
            redelivered.sort((a, b) -> MessageEntry.DELIVERY_ORDER.compare(a.entry, b.entry));
            List<Delivery> current = new ArrayList<>(redelivered.size());
            List<QueueDelivery> back = null;
            for (QueueDelivery d : redelivered) {
                if (!d.isCurrent()) {
                    continue;
                }
                if (c.closed || queue.isClosed()) {
                    if (back == null) {
                        back = new ArrayList<>();
                    }
                    back.add(d);
                } else {
                    current.add(d);
                }
            }
            if (back != null) {
                settlement.release(back, (ReleaseReason) null);
            }
            if (current.isEmpty()) {
                return;
            }
            try {
                c.sink.onRedelivery(current);
            } catch (RuntimeException ex) {
                LOG.log(Level.ERROR, "delivery sink of a consumer on " + queue.name() + " failed on redelivery", ex);
            }
        }
    }
}
