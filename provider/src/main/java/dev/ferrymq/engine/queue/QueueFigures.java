package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.DestinationRef;

/**
 * A snapshot of one queue's figures in the essay's model, taken on the queue's executor: its
 * counters ({@link QueueStats}), queue length n, processing time t, acknowledgement time u,
 * retransmission time v and reliability p.
 *
 * @param name        the queue's name ({@code topic::kind:clientId:subscription} for a subscription)
 * @param destination the destination messages are sent to (the topic, for a subscription)
 * @param stats       the counters
 * @param redelivered deliveries the application saw that came back and were (or will be, after
 *                    their delay) delivered again
 * @param processing  t: from the delivery to a consumer (prefetched ones included) to its
 *                    acknowledgement reaching the queue
 * @param acknowledgement u: from an acknowledgement reaching the queue to its deletes being durable
 *                    (0 for messages that are not stored)
 * @param retransmission v: the redelivery delay actually waited (0 for an immediate redelivery)
 * @param paused      whether dispatch to consumers is paused (management)
 */
public record QueueFigures(String name, DestinationRef destination, QueueStats stats, long redelivered,
                           DurationStats processing, DurationStats acknowledgement,
                           DurationStats retransmission, boolean paused) {

    /** Queue length n: messages held now (available, delivered and not yet acknowledged, or waiting for a redelivery). */
    public long depth() {
        return (long) stats.available() + stats.outstanding() + stats.delayed();
    }

    /**
     * Reliability p: acknowledged ÷ (acknowledged + dead-lettered + expired); 1.0 while no message
     * has ended either way.
     */
    public double reliability() {
        long ended = stats.acknowledged() + stats.deadLettered() + stats.expired();
        return ended == 0 ? 1.0 : (double) stats.acknowledged() / ended;
    }

    /** Whether this is a topic subscription's queue. */
    public boolean isSubscription() {
        return !destination.isQueue();
    }
}
