package dev.ferrymq.benchmarks.scenarios;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A deliberately slow consumer: reads each 1 KiB body, counts it, then parks until its next slot
 * of a fixed rate, so it takes at most {@code rate} messages per second. After a stall (a GC
 * pause) it catches up by at most {@value #MAX_CATCH_UP_MS} ms of slots. A failure is kept for
 * {@link #failure()}. Called by the provider's delivery thread of one session; the counters are
 * read by any thread.
 */
final class PacedListener implements MessageListener {

    private static final long MAX_CATCH_UP_MS = 10;

    private final long intervalNanos;
    private final byte[] buffer = Payload.buffer();
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long next;

    PacedListener(int rate) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    }

    @Override
    public void onMessage(Message message) {
        try {
            Payload.read(message, buffer);
            consumed.setRelease(consumed.getPlain() + 1);
            long now = System.nanoTime();
            next = next == 0 ? now + intervalNanos
                    : Math.max(next + intervalNanos, now - TimeUnit.MILLISECONDS.toNanos(MAX_CATCH_UP_MS));
            for (long wait = next - now; wait > 0; wait = next - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** Messages consumed so far. */
    long consumed() {
        return consumed.getAcquire();
    }

    /** The first failure of {@link #onMessage}, or null. */
    Throwable failure() {
        return failure.get();
    }
}
