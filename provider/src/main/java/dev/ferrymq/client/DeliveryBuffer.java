package dev.ferrymq.client;

import dev.ferrymq.spi.Delivery;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A consumer's deliveries not yet handed out, in the order it hands them out: first the one
 * receiveBody put back, then local redeliveries (recover, rollback), then what the engine pushed.
 * Credit is the consumer's business, not this buffer's.
 *
 * <p>Threading: lock-free and allocation-free on the hot path. The engine's threads add; the
 * session's thread of control (receive) or its delivery thread (listener) takes, one at a time;
 * {@link #putBack} and {@link #next} are for that one taking thread. {@link #addRedelivered} runs
 * while the session's thread waits in recover/rollback.
 */
final class DeliveryBuffer {

    private final ConcurrentLinkedQueue<Delivery> pushed = new ConcurrentLinkedQueue<>();
    /** Local redeliveries (recover, rollback): handed out before {@link #pushed}. */
    private final ConcurrentLinkedDeque<Delivery> redelivered = new ConcurrentLinkedDeque<>();
    /** A delivery receiveBody could not hand out: the next one this buffer returns. */
    private volatile Delivery putBack;

    /** The engine pushed {@code d}. */
    void add(Delivery d) {
        pushed.add(d);
    }

    /**
     * Local redeliveries, in order, go before everything buffered; a put-back delivery came after
     * them, so it goes behind them.
     */
    void addRedelivered(List<Delivery> redeliveries) {
        Delivery back = putBack;
        if (back != null) {
            putBack = null;
            redelivered.addFirst(back);
        }
        for (int i = redeliveries.size() - 1; i >= 0; i--) {
            redelivered.addFirst(redeliveries.get(i));
        }
    }

    /** {@code d} was taken but not handed out: it is the next one again. */
    void putBack(Delivery d) {
        putBack = d;
    }

    /** The delivery put back, else the next local redelivery, else the next pushed one; null when empty. */
    Delivery next() {
        Delivery d = putBack;
        if (d != null) {
            putBack = null;
            return d;
        }
        d = redelivered.pollFirst();
        return d != null ? d : pushed.poll();
    }

    boolean hasNext() {
        return putBack != null || !redelivered.isEmpty() || !pushed.isEmpty();
    }

    /** Moves every buffered delivery to {@code into}, in hand-out order; returns how many. */
    int drainTo(List<Delivery> into) {
        int n = 0;
        Delivery back = putBack;
        if (back != null) {
            putBack = null;
            into.add(back);
            n++;
        }
        for (Delivery d; (d = redelivered.pollFirst()) != null; n++) {
            into.add(d);
        }
        for (Delivery d; (d = pushed.poll()) != null; n++) {
            into.add(d);
        }
        return n;
    }
}
