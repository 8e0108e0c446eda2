package dev.ferrymq.client.util;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of daemon threads ("ferrymq-client-BROKER-N") on which the {@link SerialExecutor}s
 * of the connections to one broker run message listeners, completion callbacks and exception
 * listeners. One pool per broker name and size, shared by those connections: the first
 * {@link #acquire} creates it, the {@link #release} of the last connection shuts it down (tasks
 * already queued still run). Idle threads die after a minute.
 *
 * <p>Bounded: a listener that blocks forever holds one pool thread; when every thread of a pool is
 * blocked, other listeners of that broker's connections wait for one to come free. Listeners of
 * other brokers are not held up.
 *
 * <p>Thread-safe: {@link #acquire} and {@link #release} change a pool's user count atomically
 * within the registry's entry for it.
 */
public final class ClientThreads {

    private record Key(String broker, int size) {
    }

    private static final Map<Key, ClientThreads> POOLS = new ConcurrentHashMap<>();

    private final Key key;
    private final ThreadPoolExecutor pool;
    /** Connections using the pool; changed only inside the registry's compute for {@link #key}. */
    private int users;

    private ClientThreads(Key key) {
        this.key = key;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "ferrymq-client-" + key.broker() + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(key.size(), key.size(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory);
        pool.allowCoreThreadTimeOut(true);
    }

    /** The pool of {@code size} threads for the connections to {@code broker}, created on first use; pair with {@link #release}. */
    public static ClientThreads acquire(String broker, int size) {
        return POOLS.compute(new Key(broker, size), (k, existing) -> {
            ClientThreads p = existing == null ? new ClientThreads(k) : existing;
            p.users++;
            return p;
        });
    }

    /** One connection is done with the pool; the last one shuts it down. */
    public void release() {
        POOLS.computeIfPresent(key, (k, p) -> {
            if (p != this || --p.users > 0) {
                return p;
            }
            pool.shutdown();
            return null;
        });
    }

    /** The threads to run {@link SerialExecutor}s on. */
    public Executor executor() {
        return pool;
    }

    /** Whether the pool was shut down (its last connection closed). */
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    /** How many threads the pool has now (they come and go with the work). */
    public int threadCount() {
        return pool.getPoolSize();
    }
}
