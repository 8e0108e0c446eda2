package dev.ferrymq.client.util;

import java.util.function.BooleanSupplier;

/**
 * How a facade thread waits for a condition that another thread makes true (a delivery arriving,
 * an engine call completing, a listener returning), in the style of the Disruptor's wait
 * strategies: the thread that changes the state calls {@link #signalAll()} after the change.
 *
 * <p>Thread-safe. Conditions must read volatile (or otherwise safely published) state.
 * Implementations: {@link BlockingWaitStrategy} for any number of waiting threads (a lock and a
 * condition), {@link ParkingWaitStrategy} for exactly one waiting thread at a time (e.g. the caller
 * of one engine call: it parks and is unparked, with no lock).
 */
public interface WaitStrategy {

    /** Wait without a deadline. */
    long FOREVER = -1L;

    /**
     * Waits until {@code ready} is true, the timeout passes, or (when {@code interruptible}) the
     * thread is interrupted; an interrupt is never swallowed (the flag stays set).
     *
     * @param timeoutNanos how long to wait at most, {@link #FOREVER} for no limit
     * @return the last value of {@code ready}
     */
    boolean await(BooleanSupplier ready, long timeoutNanos, boolean interruptible);

    /** Wakes every thread waiting in {@link #await} so they check their condition again. */
    void signalAll();
}
