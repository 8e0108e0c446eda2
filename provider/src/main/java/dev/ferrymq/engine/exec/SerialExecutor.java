package dev.ferrymq.engine.exec;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: the single owner of one piece
 * of engine state (a queue). Many serial executors share one bounded pool, so ten thousand queues
 * need no more threads than the pool has.
 *
 * <p>Threading contract: {@link #execute} may be called from any thread and never blocks. Tasks
 * never overlap and each task happens-before the next, so state touched only by this executor's
 * tasks needs no locks. A pool thread runs at most {@value #POOL_BATCH} tasks before yielding to
 * other executors.
 *
 * <p>Inline execution (when enabled): a caller that is not already in the engine
 * ({@link EngineThreads#inEngine()}) and finds the executor idle runs the pending tasks itself, up
 * to {@value #INLINE_BATCH} of them, and then hands what remains to the pool. This saves a thread
 * hop on send, acknowledge and credit. Tasks only touch engine state, complete completions and
 * push into {@code DeliverySink}s, which must not block nor run application code; so the caller's
 * thread never runs application code it did not expect. While running inline the thread counts as
 * in the engine, so nested submissions go to the pool and stacks never nest.
 *
 * <p>A task that throws is reported to the error handler; later tasks still run.
 */
public final class SerialExecutor implements Executor {

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    static final int POOL_BATCH = 1024;
    static final int INLINE_BATCH = 64;

    private final Executor pool;
    private final boolean inline;
    private final ErrorHandler errors;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Runnable poolTurn = () -> drain(POOL_BATCH);
    /** The thread running this executor's tasks now, or null; for confinement assertions. */
    private volatile Thread runner;

    /** Where task failures go. */
    @FunctionalInterface
    public interface ErrorHandler {
        void taskFailed(Throwable t);
    }

    public SerialExecutor(Executor pool, boolean inline, ErrorHandler errors) {
        this.pool = pool;
        this.inline = inline;
        this.errors = errors;
    }

    @Override
    public void execute(Runnable task) {
        tasks.offer(task);
        if (state.get() == IDLE && state.compareAndSet(IDLE, BUSY)) {
            if (inline && !EngineThreads.inEngine()) {
                EngineThreads.enterInline();
                try {
                    drain(INLINE_BATCH);
                } finally {
                    EngineThreads.exitInline();
                }
            } else {
                handOff();
            }
        }
    }

    /**
     * Runs up to {@code budget} tasks while holding the BUSY state, then releases or hands off.
     * {@link #runner} names this thread exactly while it holds BUSY.
     */
    private void drain(int budget) {
        runner = Thread.currentThread();
        for (;;) {
            Runnable t;
            while ((t = tasks.poll()) != null) {
                run(t);
                if (--budget == 0) {
                    if (!tasks.isEmpty()) {
                        runner = null;
                        handOff();
                        return;
                    }
                    break;
                }
            }
            runner = null;
            state.set(IDLE);
            if (tasks.isEmpty() || !state.compareAndSet(IDLE, BUSY)) {
                return;
            }
            if (budget == 0) {
                handOff();
                return;
            }
            runner = Thread.currentThread();
        }
    }

    /**
     * Whether the calling thread is running one of this executor's tasks: the owner of the state
     * this executor serializes (for {@code assert} in that state's methods).
     */
    public boolean isCurrentThread() {
        return runner == Thread.currentThread();
    }

    private void handOff() {
        try {
            pool.execute(poolTurn);
        } catch (RejectedExecutionException stopped) {
            // The broker's pool is shut down: finish the remaining tasks here so none is lost.
            drain(Integer.MAX_VALUE);
        }
    }

    private void run(Runnable t) {
        try {
            t.run();
        } catch (Throwable e) {
            errors.taskFailed(e);
        }
    }
}
