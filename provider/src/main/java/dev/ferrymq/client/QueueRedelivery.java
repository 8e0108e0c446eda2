package dev.ferrymq.client;

import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.ReleaseReason;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Redelivery through the queues, for engines without local redelivery
 * ({@link EngineSession#redeliver} answered false): stops the session's consumers, hands back what
 * they hold unseen (delivered=false) and the seen deliveries (for their {@link ReleaseReason}),
 * then restarts them: the consumers' prefetch goes back to the queues with the seen deliveries, so
 * they come again in order. Not on the hot path.
 *
 * <p>Threading: called by {@link SessionEngine} under its acknowledgement lock; stateless.
 */
final class QueueRedelivery {

    private QueueRedelivery() {
    }

    /**
     * @param engine    the session's engine side, for the release calls
     * @param consumers the session's consumers
     * @param seen      the deliveries the application saw
     * @param reason    why they come back, or {@code null} when {@code seen} is empty
     */
    static void redeliver(SessionEngine engine, Collection<FerryMessageConsumer> consumers, List<Delivery> seen,
                          ReleaseReason reason) throws JMSException {
        List<FerryMessageConsumer> suspended = new ArrayList<>(consumers.size());
        List<SyncCompletion<Void>> suspends = new ArrayList<>(consumers.size());
        for (FerryMessageConsumer c : consumers) {
            SyncCompletion<Void> s = c.suspend();
            if (s != null) {
                suspended.add(c);
                suspends.add(s);
            }
        }
        JMSException failure = null;
        for (SyncCompletion<Void> s : suspends) {
            try {
                s.await();
            } catch (JMSException e) {
                failure = failure == null ? e : failure;
            }
        }
        List<Delivery> unseen = new ArrayList<>();
        int[] counts = new int[suspended.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = suspended.get(i).drainBuffer(unseen);
        }
        try {
            if (!unseen.isEmpty()) {
                engine.run((e, done) -> e.release(unseen, false, done));
            }
            if (reason != null) {
                engine.run((e, done) -> e.release(seen, reason, done));
            }
        } finally {
            for (int i = 0; i < counts.length; i++) {
                suspended.get(i).resumeAfterRedelivery(counts[i]);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
