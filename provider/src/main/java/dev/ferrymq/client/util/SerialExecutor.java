package dev.ferrymq.client.util;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in submission order, on threads borrowed from a shared pool: a
 * session's message listeners and completion callbacks run here, so thousands of sessions need
 * no thread each, and tasks of one executor never overlap.
 *
 * <p>An executor can be {@linkplain #pause() paused} (connection stop: the running task finishes,
 * queued tasks wait) and {@linkplain #shutdown() shut down} (queued tasks are dropped). Thread-safe;
 * {@link #execute} is lock-free. A task that throws does not stop the executor.
 */
public final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());


    /** Tasks run per turn on a pool thread before yielding it to other executors. */
    private static final int BATCH = 64;

    private final Executor pool;
    private final String name;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final WaitStrategy idle = new BlockingWaitStrategy();
    private final Runnable drainer = this::drain;
    private volatile boolean paused;
    private volatile boolean shutdown;
    private volatile Thread runner;

    public SerialExecutor(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    /** Queues {@code task}; ignored once shut down. */
    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            return;
        }
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (!paused && !tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(drainer);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        runner = Thread.currentThread();
        try {
            for (int n = 0; n < BATCH && !paused; n++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (Throwable t) {
                    LOG.log(System.Logger.Level.ERROR, "task of " + name + " failed", t);
                }
            }
        } finally {
            runner = null;
            scheduled.set(false);
            idle.signalAll();
        }
        schedule();
    }

    /** Whether the calling thread is running one of this executor's tasks right now. */
    public boolean isCurrentThread() {
        return runner == Thread.currentThread();
    }

    /**
     * Stops running queued tasks: the running one finishes, queued ones wait for {@link #resume()}.
     * Does not wait; follow with {@link #awaitIdle()} to know the running task returned.
     */
    public void pause() {
        paused = true;
    }

    /** Whether {@link #pause()} (or shutdown) holds queued tasks back; a running task may stop early. */
    public boolean isPaused() {
        return paused;
    }

    /** Undoes {@link #pause()}: queued tasks run again. */
    public void resume() {
        paused = false;
        if (!shutdown) {
            schedule();
        }
    }

    /**
     * Drops queued tasks and refuses new ones. Does not wait for a running task; follow with
     * {@link #awaitIdle()} for that.
     */
    public void shutdown() {
        shutdown = true;
        paused = true;
        tasks.clear();
    }

    /** Waits until no task runs, unless the caller is the running task. Needs paused or shut down to finish promptly. */
    public void awaitIdle() {
        if (isCurrentThread()) {
            return;
        }
        idle.await(() -> !scheduled.get(), WaitStrategy.FOREVER, false);
    }

    @Override
    public String toString() {
        return "SerialExecutor[" + name + (paused ? ", paused" : "") + (shutdown ? ", shut down" : "") + "]";
    }
}
