package dev.ferrymq.engine.exec;

import java.lang.System.Logger.Level;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A broker's threads: one bounded dispatch pool shared by all its {@link SerialExecutor}s and one
 * scheduler thread for delivery delay and the expiry sweeper (never a thread per message).
 *
 * <p>Threading contract: thread-safe. Scheduled tasks must only hand work to a serial executor;
 * they never touch queue state themselves. {@link #shutdown()} lets running tasks finish; tasks
 * submitted afterwards run on the submitting thread (see {@link SerialExecutor}).
 */
public final class EngineRuntime {

    private static final System.Logger LOG = System.getLogger(EngineRuntime.class.getName());

    private final String broker;
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor scheduler;
    private final boolean inline;

    public EngineRuntime(String broker, int dispatchThreads, boolean inline) {
        this.broker = broker;
        this.inline = inline;
        this.pool = new ThreadPoolExecutor(dispatchThreads, dispatchThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), EngineThreads.factory(broker, "dispatch"));
        this.pool.allowCoreThreadTimeOut(true);
        this.scheduler = new ScheduledThreadPoolExecutor(1, EngineThreads.factory(broker, "scheduler"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A new serial executor on this broker's pool. */
    public SerialExecutor newSerialExecutor() {
        return new SerialExecutor(pool, inline, this::taskFailed);
    }

    /** Runs {@code task} on a pool thread (never inline), e.g. to notify listeners. */
    public void execute(Runnable task) {
        try {
            pool.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            task.run();
        }
    }

    /** Runs {@code task} on the scheduler thread after {@code delayMillis}; it must only hand work off. */
    public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return scheduler.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code periodMillis} on the scheduler thread. */
    public ScheduledFuture<?> scheduleRepeating(Runnable task, long periodMillis) {
        return scheduler.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** The current time in epoch milliseconds (one place, so tests and a store can agree on it). */
    public long now() {
        return System.currentTimeMillis();
    }

    public void shutdown() {
        scheduler.shutdownNow();
        pool.shutdown();
    }

    private void taskFailed(Throwable t) {
        LOG.log(Level.ERROR, "FerryMQ broker '" + broker + "': engine task failed", t);
    }
}
