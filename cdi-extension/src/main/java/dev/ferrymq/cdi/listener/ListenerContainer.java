package dev.ferrymq.cdi.listener;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one listener method: one connection, and between {@code min} and {@code max} workers, each
 * a thread with its own session. A worker that receives a message while every worker is busy adds
 * one (up to max); a worker above min that found nothing {@code idleReceives} times in a row
 * retires. {@link #beginStop} and {@link #finishStop} let running calls finish within a bound, then closes the connection,
 * which hands unacknowledged messages back to their destination.
 *
 * <p>A worker whose consumer fails (its broker stopped, the connection was closed under it) leaves,
 * and a recovery thread brings the workers back to the minimum every {@code recoveryInterval} ms
 * until it succeeds or the container stops: on the same connection while it still works, else on
 * a new one, the old one closed first (so a client ID can be taken again). A listener thus
 * survives its broker stopping and starting again, as with Spring's DefaultMessageListenerContainer.
 *
 * <p>Threading: {@link #start}, {@link #beginStop} and {@link #finishStop} are called by the registry (one at a time); the
 * other methods by the workers and the recovery thread, concurrently.
 */
public final class ListenerContainer {

    private static final System.Logger LOG = System.getLogger(ListenerContainer.class.getName());

    private final ListenerDefinition definition;
    private final ConnectionFactory factory;
    private final ListenerInvoker invoker;
    private final ContainerSettings settings;
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger peakBusy = new AtomicInteger();
    private final AtomicInteger threadNumbers = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** Counted down by {@link #finishStop}: ends a recovery's wait. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Whether a recovery thread runs. */
    private final AtomicBoolean recovering = new AtomicBoolean();
    private volatile boolean running;
    private volatile Connection connection;

    ListenerContainer(ListenerDefinition definition, ConnectionFactory factory, Object target, ContainerSettings settings) {
        this.definition = definition;
        this.factory = factory;
        this.invoker = new ListenerInvoker(target, definition);
        this.settings = settings;
    }

    /** Connects and starts the minimum number of workers; a setting the provider refuses fails here. */
    void start() throws JMSException {
        running = true;
        try {
            connect(definition.concurrency().min());
        } catch (JMSException | RuntimeException e) {
            running = false;
            throw e;
        }
    }

    /**
     * Opens a new connection and starts {@code count} workers on it; on failure closes it again.
     * Called by {@link #start} and by a recovery, never at the same time.
     */
    private void connect(int count) throws JMSException {
        Connection fresh = factory.createConnection();
        try {
            if (!definition.spec().clientId().isEmpty()) {
                fresh.setClientID(definition.spec().clientId());
            }
            connection = fresh;
            ListenerWorker[] initial = new ListenerWorker[count];
            for (int i = 0; i < initial.length; i++) {
                initial[i] = new ListenerWorker(this);
            }
            for (ListenerWorker worker : initial) {
                workers.incrementAndGet();
                launch(worker);
            }
            fresh.start();
        } catch (JMSException | RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    /** Stops receiving: workers finish the message in hand and leave. */
    void beginStop() {
        running = false;
    }

    /**
     * Waits until the deadline ({@link System#nanoTime()}) for running calls to finish, then closes
     * the connection (unacknowledged messages go back to their destination).
     */
    void finishStop(long deadline) {
        running = false;
        stopped.countDown();
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                if (left > 0) {
                    thread.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                LOG.log(System.Logger.Level.WARNING, "listener " + definition.id() + ": " + thread.getName()
                        + " still runs at the shutdown deadline; closing its connection, its message goes back to the destination");
            }
        }
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the connection of listener " + definition.id(), e);
            }
        }
    }

    /** Consumers running now. */
    public int consumers() {
        return workers.get();
    }

    /** The most calls that ran at the same time so far. */
    public int peakConcurrentCalls() {
        return peakBusy.get();
    }

    public ListenerDefinition definition() {
        return definition;
    }

    Connection connection() {
        return connection;
    }

    ListenerInvoker invoker() {
        return invoker;
    }

    boolean running() {
        return running;
    }

    long receiveTimeout() {
        return settings.receiveTimeout();
    }

    int idleReceives() {
        return settings.idleReceives();
    }

    /** A worker got a message: when every worker is busy, add one (up to max). */
    void busy() {
        int now = busy.incrementAndGet();
        peakBusy.accumulateAndGet(now, Math::max);
        int current = workers.get();
        if (now >= current && current < definition.concurrency().max() && running && workers.compareAndSet(current, current + 1)) {
            try {
                launch(new ListenerWorker(this));
            } catch (JMSException | RuntimeException e) {
                workers.decrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "listener " + definition.id() + " could not add a consumer", e);
            }
        }
    }

    void done() {
        busy.decrementAndGet();
    }

    /** Whether an idle worker may leave (only above min). */
    boolean retire() {
        while (true) {
            int current = workers.get();
            if (current <= definition.concurrency().min()) {
                return false;
            }
            if (workers.compareAndSet(current, current - 1)) {
                return true;
            }
        }
    }

    /** A worker whose consumer failed leaves; a recovery brings the workers back to the minimum. */
    void retireAfterFailure() {
        workers.decrementAndGet();
        if (running && recovering.compareAndSet(false, true)) {
            Thread thread = new Thread(this::recover, "ferrymq-listener-recovery-" + definition.method().getName());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** The recovery thread: tries every interval until the workers are back or the container stops. */
    private void recover() {
        try {
            do {
                try {
                    while (running && workers.get() < definition.concurrency().min()) {
                        if (stopped.await(settings.recoveryInterval(), TimeUnit.MILLISECONDS)) {
                            return;
                        }
                        restoreWorkers();
                    }
                } finally {
                    recovering.set(false);
                }
            } while (running && workers.get() < definition.concurrency().min() && recovering.compareAndSet(false, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            threads.remove(Thread.currentThread());
        }
    }

    /**
     * One attempt: workers on the current connection while it takes new sessions, else on a new
     * connection (the old one closed first). A failure is logged; the next interval tries again.
     */
    private void restoreWorkers() {
        int missing = definition.concurrency().min() - workers.get();
        if (missing <= 0 || !running) {
            return;
        }
        try {
            ListenerWorker worker = new ListenerWorker(this);
            workers.incrementAndGet();
            launch(worker);
            LOG.log(System.Logger.Level.INFO, "listener " + definition.id() + " has its consumer back");
            return;
        } catch (JMSException | RuntimeException onOldConnection) {
            LOG.log(System.Logger.Level.DEBUG, "listener " + definition.id() + ": its connection takes no new session ("
                    + onOldConnection + "); connecting again", onOldConnection);
        }
        closeQuietly(connection);
        try {
            connect(missing);
            LOG.log(System.Logger.Level.INFO, "listener " + definition.id() + " reconnected");
        } catch (JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "listener " + definition.id() + " cannot reconnect (" + e
                    + "); trying again in " + settings.recoveryInterval() + " ms");
        }
    }

    private void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the failed connection of listener " + definition.id(), e);
        }
    }

    void exited() {
        threads.remove(Thread.currentThread());
    }

    private void launch(ListenerWorker worker) {
        Thread thread = new Thread(worker, "ferrymq-listener-" + definition.method().getName() + "-" + threadNumbers.incrementAndGet());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }
}
