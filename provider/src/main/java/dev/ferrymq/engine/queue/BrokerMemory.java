package dev.ferrymq.engine.queue;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The broker-wide memory bound ({@code maxBrokerBytes}): the estimated heap bytes of the messages
 * all queues hold together. Each queue's {@link QueueLimits} adds and subtracts its messages
 * here as well as in its own count; a send finds no room while either is full, so many
 * destinations each under their own limit cannot fill the heap together. When the total drops
 * below the bound again, the queues whose senders wait for room are told to wake them.
 *
 * <p>Threading contract: lock-free; every method from any thread. Waking runs the queues'
 * wakers on the broker's pool (never inline).
 */
public final class BrokerMemory {

    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    /** @param maxBytes the bound, above 0 */
    public BrokerMemory(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBrokerBytes must be above 0 for a bound: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Estimated bytes held by all queues. */
    public long heldBytes() {
        return bytes.get();
    }

    /** Whether the broker holds as much as it may. One volatile read. */
    boolean full() {
        return bytes.get() >= maxBytes;
    }

    void added(long size) {
        bytes.addAndGet(size);
    }

    void removed(long size) {
        long after = bytes.addAndGet(-size);
        if (after < maxBytes && !waiting.isEmpty()) {
            wakeWaiting();
        }
    }

    /**
     * A queue has a sender waiting while the broker may be full: {@code wake} (which wakes that
     * queue's waiting senders) runs once when room returns, or at once if there is room now.
     */
    void watch(Runnable wake) {
        waiting.add(wake);
        if (!full()) {
            wakeWaiting();
        }
    }

    private void wakeWaiting() {
        Runnable wake;
        while ((wake = waiting.poll()) != null) {
            wake.run();
        }
    }

    /** What the error of a send refused for the broker's bound says. */
    String usage() {
        return "the broker holds " + bytes.get() + " bytes of messages; maxBrokerBytes=" + maxBytes;
    }
}
