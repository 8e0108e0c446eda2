package dev.ferrymq.engine;

import dev.ferrymq.engine.destination.Destinations;
import dev.ferrymq.engine.queue.DeadLetters;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueScans;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;

/**
 * The admin operation that sends dead letters back where they came from: for each message of a
 * dead-letter queue, its original destination (a queue, the subscription it came from while that
 * exists, else its topic) and the message as it was before it was dead-lettered.
 *
 * <p>Threading contract: holds only the broker's {@link Destinations} (thread-safe lookups), set
 * once; {@link #moveToOrigin} may be called from any thread, and the per-message mapping runs on
 * the dead-letter queue's executor, inside its scan.
 */
final class DeadLetterReturn {

    private final Destinations destinations;

    DeadLetterReturn(Destinations destinations) {
        this.destinations = destinations;
    }

    /**
     * Moves the messages of queue {@code deadLetterQueue} matching {@code selector} (null: all)
     * back to their original destination. Messages without an origin, or whose temporary origin is
     * gone, stay. A stored message moves in one atomic write (its new records and the delete of its
     * dead-letter record); {@code done} completes with how many moved once that is durable, and with
     * 0 when no queue of that name ever existed.
     */
    void moveToOrigin(DestinationRef deadLetterQueue, Selector selector, Completion<Integer> done) {
        MessageQueue q;
        try {
            q = destinations.queueForBrowse(deadLetterQueue);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        if (q == null) {
            done.complete(0);
            return;
        }
        q.scans().moveOut(selector, this::moveBack, done);
    }

    /** Where dead letter {@code m} goes back to, as it goes; {@code null}: it stays. */
    private QueueScans.Move moveBack(MessageData m) {
        DestinationRef origin = DeadLetters.origin(m);
        if (origin == null) {
            return null;
        }
        MessageData restored = DeadLetters.restored(m, origin);
        try {
            if (!origin.isQueue()) {
                String sub = DeadLetters.originSubscription(m);
                MessageQueue sq = sub == null ? null : destinations.findQueue(sub);
                if (sq != null) {
                    return new QueueScans.Move(sq, restored);
                }
            }
            return new QueueScans.Move(destinations.forSend(origin), restored);
        } catch (EngineException gone) {
            return null;
        }
    }
}
