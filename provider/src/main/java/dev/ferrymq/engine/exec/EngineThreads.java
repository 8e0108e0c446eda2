package dev.ferrymq.engine.exec;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the broker's threads and tells whether the current thread is already doing engine work.
 *
 * <p>Threading: all methods may be called from any thread. Engine threads are daemon threads named
 * {@code ferrymq-<broker>-<role>-N}. A thread counts as "in the engine" while it is an engine thread
 * or while it runs engine tasks inline (see {@link SerialExecutor}); such a thread never runs
 * further tasks inline, so engine work never nests on one stack.
 */
public final class EngineThreads {

    private static final ThreadLocal<int[]> INLINE_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private EngineThreads() {
    }

    /** A factory of daemon threads named {@code ferrymq-<broker>-<role>-N}, all engine threads. */
    public static ThreadFactory factory(String broker, String role) {
        AtomicInteger counter = new AtomicInteger();
        String prefix = "ferrymq-" + broker + "-" + role + "-";
        return r -> {
            Thread t = new EngineThread(r, prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether the current thread is an engine thread or is running engine tasks inline. */
    public static boolean inEngine() {
        return Thread.currentThread() instanceof EngineThread || INLINE_DEPTH.get()[0] > 0;
    }

    /**
     * Runs {@code action} on the current thread counted as an engine thread, so the serial
     * executors it hands work to never run that work inline here. For callbacks from threads that
     * are not the engine's and must stay quick (the store's writer thread).
     */
    public static void asEngine(Runnable action) {
        enterInline();
        try {
            action.run();
        } finally {
            exitInline();
        }
    }

    /** Marks the current (application) thread as running engine tasks until {@link #exitInline()}. */
    static void enterInline() {
        INLINE_DEPTH.get()[0]++;
    }

    static void exitInline() {
        INLINE_DEPTH.get()[0]--;
    }

    /** The engine's own threads: the dispatch pool and the scheduler. */
    private static final class EngineThread extends Thread {
        EngineThread(Runnable r, String name) {
            super(r, name);
        }
    }
}
