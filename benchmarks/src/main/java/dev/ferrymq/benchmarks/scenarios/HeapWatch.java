package dev.ferrymq.benchmarks.scenarios;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How far the heap grows during an iteration without disturbing it: the heap used after
 * {@code System.gc()} when the watch starts is the base; then every garbage collection the JVM
 * runs anyway reports the heap used after it (the heap pools, from the collectors' notifications), and
 * the watch keeps the highest. Growth = that peak minus the base: what the run retained (a growing
 * backlog) rather than garbage. Approximate: a young collection counts old garbage not yet
 * collected, and there is no value when no collection ran during the iteration (a slow
 * producer allocates too little). Thread-safe: the JMX
 * notification thread records, the iteration's thread starts, reads and closes.
 */
final class HeapWatch implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong(-1);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private final Set<String> heapPools = new HashSet<>();
    private final long base;

    private HeapWatch(long base) {
        this.base = base;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
    }

    /** Collects garbage, takes the base, and starts listening to collections. */
    static HeapWatch start() {
        System.gc();
        HeapWatch w = new HeapWatch(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(w.listener, null, null);
                w.emitters.add(emitter);
            }
        }
        return w;
    }

    /**
     * The highest heap used after a collection since the start, minus the base (0 when it
     * shrank); NaN when no collection ran, so nothing was measured.
     */
    double growth() {
        long p = peak.get();
        return p < 0 ? Double.NaN : Math.max(0, p - base);
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        peak.accumulateAndGet(used, Math::max);
    }

    /** Stops listening. */
    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // never added to this one: nothing to remove
            }
        }
        emitters.clear();
    }
}
