package dev.ferrymq.client.util;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A {@link WaitStrategy} for one waiting thread at a time: the waiter parks, {@link #signalAll()}
 * unparks it. No lock and no allocation; a second concurrent waiter is not supported (the facade
 * uses one per blocking engine call, awaited by the caller only).
 */
public final class ParkingWaitStrategy implements WaitStrategy {

    private volatile Thread waiter;

    @Override
    public boolean await(BooleanSupplier ready, long timeoutNanos, boolean interruptible) {
        if (ready.getAsBoolean()) {
            return true;
        }
        if (timeoutNanos == 0) {
            return false;
        }
        boolean interrupted = false;
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0L;
        waiter = Thread.currentThread();
        try {
            while (!ready.getAsBoolean()) {
                if (timeoutNanos < 0) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    LockSupport.parkNanos(this, left);
                }
                if (Thread.interrupted()) {
                    interrupted = true;
                    if (interruptible) {
                        return ready.getAsBoolean();
                    }
                }
            }
            return true;
        } finally {
            waiter = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void signalAll() {
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
