package dev.ferrymq.client.util;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The facade's one shared, bounded pool of daemon threads ("ferrymq-client-N") on which every
 * session's {@link SerialExecutor}s run message listeners, completion callbacks and exception
 * listeners. Threads die after a minute idle.
 *
 * <p>Bounded: a listener that blocks forever holds one pool thread; when every pool thread is
 * blocked, other sessions' listeners wait for one to come free.
 */
public final class ClientThreads {

    /** Pool size: enough for listeners that block briefly (sync sends, commits) on small machines. */
    public static final int POOL_SIZE = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());

    private static final ThreadPoolExecutor POOL = create();

    private ClientThreads() {
    }

    /** The shared pool. */
    public static Executor pool() {
        return POOL;
    }

    private static ThreadPoolExecutor create() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "ferrymq-client-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(POOL_SIZE, POOL_SIZE, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
