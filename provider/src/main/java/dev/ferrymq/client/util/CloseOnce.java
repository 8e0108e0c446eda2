package dev.ferrymq.client.util;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The "close runs once, a second close waits until it finished" protocol of connections and
 * sessions ("Closing a connection", "Closing a session"): the first caller of {@link #begin}
 * runs the close sequence and calls {@link #finished} at its end; later callers wait for that.
 *
 * <p>Thread-safe; waiting is blocking ({@link BlockingWaitStrategy}), never on a hot path.
 */
public final class CloseOnce {

    private final AtomicBoolean closing = new AtomicBoolean();
    private final WaitStrategy closeWait = new BlockingWaitStrategy();
    private volatile boolean finished;

    /** Whether a close sequence ran to its end. */
    public boolean isFinished() {
        return finished;
    }

    /** Whether the caller is the first and must run the close sequence. */
    public boolean begin() {
        return closing.compareAndSet(false, true);
    }

    /** For a caller that was not first: waits until the close sequence finished. */
    public void awaitFinished() {
        closeWait.await(() -> finished, WaitStrategy.FOREVER, false);
    }

    /** The close sequence ended (also on failure): wakes the waiting closers. */
    public void finished() {
        finished = true;
        closeWait.signalAll();
    }
}
