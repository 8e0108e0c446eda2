package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.queue.QueueDelivery;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.ReleaseReason;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands lists of deliveries back to their queues: one task per queue, in list order.
 *
 * <p>Threading contract: stateless; any thread.
 */
final class DeliveryBatches {

    private DeliveryBatches() {
    }

    /** {@code d} as this engine's delivery made to {@code session}; GENERAL otherwise. */
    static QueueDelivery own(Delivery d, Object session) {
        if (d instanceof QueueDelivery q && q.owner() == session) {
            return q;
        }
        throw EngineException.general("delivery " + d + " was not made to this session");
    }

    /** All of {@code ds} as deliveries of {@code session}, checked before anything is done with them. */
    static List<QueueDelivery> own(List<? extends Delivery> ds, Object session) {
        List<QueueDelivery> out = new ArrayList<>(ds.size());
        for (Delivery d : ds) {
            out.add(own(d, session));
        }
        return out;
    }

    /**
     * Acknowledges {@code ds}; {@code done} completes once every queue's deletes are durable.
     * {@code background}: see {@link QueueDelivery.Origin#acknowledge(List, boolean, Completion)}.
     */
    static void acknowledge(List<QueueDelivery> ds, boolean background, Completion<Void> done) {
        QueueDelivery.Origin only = onlyQueue(ds);
        if (only != null) {
            only.acknowledge(ds, background, done);
            return;
        }
        Map<QueueDelivery.Origin, List<QueueDelivery>> map = byQueue(ds);
        if (map.isEmpty()) {
            done.complete(null);
            return;
        }
        Completion<Void> each = map.size() == 1 ? done : new AllOf(map.size(), done);
        map.forEach((q, list) -> q.acknowledge(list, background, each));
    }

    /** Redelivers {@code ds} locally; {@code done} completes once every queue's consumers have them. */
    static void redeliver(List<QueueDelivery> ds, ReleaseReason reason, Completion<Void> done) {
        QueueDelivery.Origin only = onlyQueue(ds);
        if (only != null) {
            only.redeliver(ds, reason, done);
            return;
        }
        Map<QueueDelivery.Origin, List<QueueDelivery>> map = byQueue(ds);
        if (map.isEmpty()) {
            done.complete(null);
            return;
        }
        Completion<Void> each = map.size() == 1 ? done : new AllOf(map.size(), done);
        map.forEach((q, list) -> q.redeliver(list, reason, each));
    }

    /**
     * Claims the deliveries of stored messages a commit consumed ({@link QueueDelivery.Origin#claimForCommit});
     * {@code done} gets those still current, from every queue, once all queues answered.
     */
    static void claimForCommit(List<QueueDelivery> ds, Completion<List<QueueDelivery>> done) {
        Map<QueueDelivery.Origin, List<QueueDelivery>> map = byQueue(ds);
        if (map.size() == 1) {
            map.forEach((q, list) -> q.claimForCommit(list, done));
            return;
        }
        AtomicInteger left = new AtomicInteger(map.size());
        java.util.Queue<QueueDelivery> current = new java.util.concurrent.ConcurrentLinkedQueue<>();
        map.forEach((q, list) -> q.claimForCommit(list, new Completion<>() {
            @Override
            public void complete(List<QueueDelivery> claimed) {
                current.addAll(claimed);
                if (left.decrementAndGet() == 0) {
                    done.complete(new ArrayList<>(current));
                }
            }

            @Override
            public void fail(EngineException error) {
                done.fail(error);
            }
        }));
    }

    /** Acknowledges in memory deliveries whose stored messages a commit deleted. */
    static void acknowledgeCommitted(List<QueueDelivery> ds) {
        byQueue(ds).forEach(QueueDelivery.Origin::acknowledgeCommitted);
    }

    /** Completes {@code done} once {@code count} parts completed, failing it with the first failure. */
    private static final class AllOf implements Completion<Void> {
        private final AtomicInteger left;
        private final AtomicReference<EngineException> failure = new AtomicReference<>();
        private final Completion<Void> done;

        AllOf(int count, Completion<Void> done) {
            this.left = new AtomicInteger(count);
            this.done = done;
        }

        @Override
        public void complete(Void result) {
            finishOne();
        }

        @Override
        public void fail(EngineException error) {
            failure.compareAndSet(null, error);
            finishOne();
        }

        private void finishOne() {
            if (left.decrementAndGet() == 0) {
                EngineException e = failure.get();
                if (e == null) {
                    done.complete(null);
                } else {
                    done.fail(e);
                }
            }
        }
    }

    /** Hands {@code ds} back; {@code reason} {@code null} for deliveries the application never saw. */
    static void release(List<QueueDelivery> ds, ReleaseReason reason) {
        byQueue(ds).forEach((q, list) -> q.release(list, reason, null));
    }

    /**
     * The one queue all of {@code ds} come from, or {@code null} when they come from several or
     * there are none: the common case (one consumer's deliveries) then needs no map.
     */
    private static QueueDelivery.Origin onlyQueue(List<QueueDelivery> ds) {
        int n = ds.size();
        if (n == 0) {
            return null;
        }
        QueueDelivery.Origin only = ds.get(0).queue();
        for (int i = 1; i < n; i++) {
            if (ds.get(i).queue() != only) {
                return null;
            }
        }
        return only;
    }

    private static Map<QueueDelivery.Origin, List<QueueDelivery>> byQueue(List<QueueDelivery> ds) {
        Map<QueueDelivery.Origin, List<QueueDelivery>> map = new IdentityHashMap<>();
        QueueDelivery.Origin only = null;
        boolean single = true;
        for (QueueDelivery d : ds) {
            if (only == null) {
                only = d.queue();
            } else if (only != d.queue()) {
                single = false;
                break;
            }
        }
        if (single) {
            if (only != null) {
                map.put(only, ds);
            }
            return map;
        }
        for (QueueDelivery d : ds) {
            map.computeIfAbsent(d.queue(), q -> new ArrayList<>()).add(d);
        }
        return map;
    }
}
