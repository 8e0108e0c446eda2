package dev.ferrymq.client.util;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A {@link WaitStrategy} for any number of waiters: a lock and a condition, where
 * {@link #signalAll()} takes the lock only when some thread waits, so signalling on the hot path
 * (every delivery) costs one volatile read when nobody is blocked.
 */
public final class BlockingWaitStrategy implements WaitStrategy {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile int waiters;

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
        lock.lock();
        try {
            waiters++;
            while (!ready.getAsBoolean()) {
                try {
                    if (timeoutNanos < 0) {
                        changed.await();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return false;
                        }
                        changed.awaitNanos(left);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (interruptible) {
                        return ready.getAsBoolean();
                    }
                }
            }
            return true;
        } finally {
            waiters--;
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void signalAll() {
        if (waiters > 0) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "BlockingWaitStrategy[waiters=" + waiters + "]";
    }
}
