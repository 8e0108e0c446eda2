package dev.ferrymq.benchmarks.scenarios;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what one consumer received and lets the timing thread wait until it received all that
 * was sent. The total is known only once producers stop, so the consumer and {@link #expect}
 * both check the count against it and whichever sees it reached opens the latch. A failure in the
 * consumer opens it too and is rethrown by {@link #await}. Thread-safe: consumer threads (one, or several
 * consumers sharing one tracker as in the cost curves) call {@link #arrived(long)} and
 * {@link #fail}, others call the rest.
 */
final class ArrivalTracker {

    private final AtomicLong arrived = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long expected = Long.MAX_VALUE;
    private volatile Throwable failure;

    /** Called by the consumer after handling {@code count} messages. */
    void arrived(long count) {
        if (arrived.addAndGet(count) >= expected) {
            done.countDown();
        }
    }

    /** Called by the consumer when handling a message failed. */
    void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        done.countDown();
    }

    /** Messages handled so far. */
    long count() {
        return arrived.get();
    }

    /** Sets the total to wait for. */
    void expect(long total) {
        expected = total;
        if (arrived.get() >= total) {
            done.countDown();
        }
    }

    /**
     * Waits until the expected total arrived.
     *
     * @throws TimeoutException      when it did not within {@code timeout}, saying how many arrived
     * @throws IllegalStateException when the consumer failed, with that failure as cause
     */
    void await(Duration timeout) throws InterruptedException, TimeoutException {
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("consumer received " + arrived.get() + " of " + expected
                    + " messages within " + timeout.toSeconds() + " s after producers stopped");
        }
        checkFailure();
    }

    /** @throws IllegalStateException when the consumer failed, with that failure as cause */
    void checkFailure() {
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("consumer failed: " + t, t);
        }
    }
}
