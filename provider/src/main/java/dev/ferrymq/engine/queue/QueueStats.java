package dev.ferrymq.engine.queue;

/**
 * A snapshot of a queue's counters, taken on the queue's executor.
 *
 * @param enqueued     messages that became visible in the queue
 * @param delivered    deliveries pushed to consumers (redeliveries count again)
 * @param acknowledged messages consumed for good
 * @param expired      messages dropped because they expired
 * @param available    messages waiting for a consumer now
 * @param outstanding  deliveries neither acknowledged nor released now
 * @param consumers    open consumers now
 * @param deadLettered messages that used up their delivery attempts (moved to the dead-letter queue, or
 *                     dropped when there is none)
 * @param delayed      messages waiting for a delayed redelivery now
 */
public record QueueStats(long enqueued, long delivered, long acknowledged, long expired,
                         int available, int outstanding, int consumers, long deadLettered, int delayed) {
}
