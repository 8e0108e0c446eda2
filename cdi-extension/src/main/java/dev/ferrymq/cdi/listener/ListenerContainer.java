package dev.ferrymq.cdi.listener;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one listener method: one connection, and between {@code min} and {@code max} workers, each
 * a thread with its own session. A worker that receives a message while every worker is busy adds
 * one (up to max); a worker above min that found nothing {@code idleReceives} times in a row
 * retires. {@link #beginStop} and {@link #finishStop} let running calls finish within a bound, then closes the connection,
 * which hands unacknowledged messages back to their destination.
 *
 * <p>Threading: {@link #start}, {@link #beginStop} and {@link #finishStop} are called by the registry (one at a time); the
 * other methods by the workers, concurrently.
 */
public final class ListenerContainer {

    private static final System.Logger LOG = System.getLogger(ListenerContainer.class.getName());

    private final ListenerDefinition definition;
    private final ConnectionFactory factory;
    private final ListenerInvoker invoker;
    private final long receiveTimeout;
    private final int idleReceives;
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger peakBusy = new AtomicInteger();
    private final AtomicInteger threadNumbers = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile Connection connection;

    ListenerContainer(ListenerDefinition definition, ConnectionFactory factory, Object target, long receiveTimeout, int idleReceives) {
        this.definition = definition;
        this.factory = factory;
        this.invoker = new ListenerInvoker(target, definition);
        this.receiveTimeout = receiveTimeout;
        this.idleReceives = idleReceives;
    }

    /** Connects and starts the minimum number of workers; a setting the provider refuses fails here. */
    void start() throws JMSException {
        connection = factory.createConnection();
        try {
            if (!definition.spec().clientId().isEmpty()) {
                connection.setClientID(definition.spec().clientId());
            }
            running = true;
            ListenerWorker[] initial = new ListenerWorker[definition.concurrency().min()];
            for (int i = 0; i < initial.length; i++) {
                initial[i] = new ListenerWorker(this);
                workers.incrementAndGet();
            }
            for (ListenerWorker worker : initial) {
                launch(worker);
            }
            connection.start();
        } catch (JMSException | RuntimeException e) {
            running = false;
            connection.close();
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
        return receiveTimeout;
    }

    int idleReceives() {
        return idleReceives;
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

    /** A worker whose consumer failed leaves; the next busy worker may start another. */
    void retireAfterFailure() {
        workers.decrementAndGet();
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
