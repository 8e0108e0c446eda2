package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueDelivery;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.ReleaseReason;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

    static void acknowledge(List<QueueDelivery> ds) {
        if (ds.size() == 1) {
            ds.get(0).queue().acknowledge(ds.get(0));
            return;
        }
        byQueue(ds).forEach(MessageQueue::acknowledge);
    }

    /** Hands {@code ds} back; {@code reason} {@code null} for deliveries the application never saw. */
    static void release(List<QueueDelivery> ds, ReleaseReason reason) {
        byQueue(ds).forEach((q, list) -> q.release(list, reason, null));
    }

    private static Map<MessageQueue, List<QueueDelivery>> byQueue(List<QueueDelivery> ds) {
        Map<MessageQueue, List<QueueDelivery>> map = new IdentityHashMap<>();
        MessageQueue only = null;
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
