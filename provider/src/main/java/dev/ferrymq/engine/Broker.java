package dev.ferrymq.engine;

import dev.ferrymq.engine.connection.BrokerContext;
import dev.ferrymq.engine.connection.ClientIdHolder;
import dev.ferrymq.engine.connection.ClientIds;
import dev.ferrymq.engine.connection.VmConnection;
import dev.ferrymq.engine.destination.Destinations;
import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.engine.exec.Futures;
import dev.ferrymq.engine.management.JmxRegistration;
import dev.ferrymq.engine.management.ManagedBroker;
import dev.ferrymq.engine.management.MicrometerSupport;
import dev.ferrymq.engine.management.QueueEvents;
import dev.ferrymq.engine.persistence.PersistentStore;
import dev.ferrymq.engine.persistence.Recovery;
import dev.ferrymq.engine.queue.AckTimeoutSweeper;
import dev.ferrymq.engine.queue.BrokerMemory;
import dev.ferrymq.engine.queue.ExpirySweeper;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueObserver;
import dev.ferrymq.engine.queue.QueueLimits;
import dev.ferrymq.engine.queue.QueueFactory;
import dev.ferrymq.engine.queue.QueuePolicy;
import dev.ferrymq.engine.queue.QueueStats;
import dev.ferrymq.engine.security.Access;
import dev.ferrymq.engine.security.Security;
import dev.ferrymq.engine.topic.SubscriptionRegistry;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConnectionListener;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.config.DestinationOptions;
import dev.ferrymq.spi.config.OptionValues;
import dev.ferrymq.store.JournalConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One in-JVM broker ({@code vm://name}): its threads, destinations, subscriptions, client IDs and
 * connections. Started and stopped through {@link Brokers}.
 *
 * <p>Threading contract: thread-safe. Connections register in a concurrent set; client IDs are
 * claimed with an atomic map insert. The broker's threads are one dispatch pool shared by all its
 * queues plus one scheduler thread (see {@link EngineRuntime}).
 */
public final class Broker implements Engine, BrokerContext, ManagedBroker {

    private final String name;
    private final OptionValues options;
    private final EngineRuntime runtime;
    private final SubscriptionRegistry subscriptions;
    private final Destinations destinations;
    /** Sends dead letters back to their origin (admin). */
    private final DeadLetterReturn deadLetterReturn;
    private final Set<VmConnection> connections = ConcurrentHashMap.newKeySet();
    /** The one owner of broker-wide state (client IDs, subscriptions, temporary destinations): tasks in turn, no lock. */
    private final SerialExecutor control;
    private final ClientIds clientIds;
    private final AtomicLong anonymousConnections = new AtomicLong();
    /** The queues that may hold a message with an expiration, swept every expirySweepInterval. */
    private final ExpirySweeper expirySweeper;
    /** The queues with a delivery outstanding under an ackTimeout, swept every ackTimeoutSweeper.interval(). */
    private final AckTimeoutSweeper ackTimeoutSweeper;
    private final ScheduledFuture<?> sweeper;
    private final ScheduledFuture<?> ackSweeper;
    private final PersistentStore store;
    /** The broker-wide memory bound, or null. */
    private final BrokerMemory memory;
    /** Set once, by the first {@link #stop}. */
    private final AtomicReference<CompletableFuture<Void>> stopped = new AtomicReference<>();
    private final DestinationOptions destinationOptions;
    private final StartOptions startOptions;
    private final Security security;
    /** Told of every queue created and deleted: the MBeans and meters follow. */
    private final QueueEvents queueEvents = new QueueEvents();
    /** The broker's MBeans, or null when jmx=false. */
    private final JmxRegistration jmx;
    /** The broker's meters in Micrometer's global registry, or null. */
    private final AutoCloseable meters;

    Broker(String name, OptionValues options, DestinationOptions redelivery, JournalConfig journal,
           StartOptions startOptions) {
        this.name = name;
        this.startOptions = startOptions;
        try {
            this.security = Security.of(name, options);
        } catch (IllegalArgumentException e) {
            throw new EngineException(EngineException.Kind.GENERAL, "vm broker '" + name + "': " + e.getMessage(), e);
        }
        this.destinationOptions = redelivery;
        this.options = options;
        this.runtime = new EngineRuntime(name, options.get(BrokerOptions.DISPATCH_THREADS),
                options.get(BrokerOptions.INLINE_DISPATCH));
        QueuePolicy.Forwarder forwarder = new Forwarding(this::destinations, this::store);
        long maxBrokerBytes = options.get(BrokerOptions.MAX_BROKER_BYTES);
        this.memory = maxBrokerBytes > 0 ? new BrokerMemory(maxBrokerBytes) : null;
        Function<String, QueuePolicy> policies =
                n -> QueuePolicy.resolve(redelivery, n, forwarder, memory);
        long sweep = options.get(BrokerOptions.EXPIRY_SWEEP_INTERVAL);
        this.expirySweeper = new ExpirySweeper(sweep > 0);
        this.ackTimeoutSweeper = new AckTimeoutSweeper(redelivery);
        QueueFactory queues = new QueueFactory(runtime, policies, expirySweeper, ackTimeoutSweeper, queueEvents);
        this.control = runtime.newSerialExecutor();
        this.clientIds = new ClientIds(name, control);
        this.subscriptions = new SubscriptionRegistry(control, queues);
        this.destinations = new Destinations(control, subscriptions, queues);
        this.deadLetterReturn = new DeadLetterReturn(destinations);
        this.store = new PersistentStore(name, journal);
        if (!journal.isInMemory()) {
            // store=memory keeps nothing past the broker's life, so the queues skip it altogether:
            // no encoding of PERSISTENT messages, no delivery-count or delete records.
            destinations.persistTo(store);
            subscriptions.persistTo(store);
        }
        try {
            Recovery.run(store, destinations, subscriptions);
        } catch (RuntimeException e) {
            runtime.shutdown();
            throw e;
        }
        this.sweeper = sweep > 0 ? runtime.scheduleRepeating(expirySweeper::sweep, sweep) : null;
        long ackSweep = ackTimeoutSweeper.interval();
        this.ackSweeper = ackSweep > 0 ? runtime.scheduleRepeating(ackTimeoutSweeper::sweep, ackSweep) : null;
        this.jmx = options.get(BrokerOptions.JMX) ? JmxRegistration.register(this) : null;
        this.meters = options.get(BrokerOptions.METRICS) ? MicrometerSupport.bindGlobal(this) : null;
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void forEachQueue(Consumer<MessageQueue> action) {
        destinations.forEachQueue(action);
    }

    @Override
    public void addQueueObserver(QueueObserver observer) {
        queueEvents.add(observer);
    }

    @Override
    public void removeQueueObserver(QueueObserver observer) {
        queueEvents.remove(observer);
    }

    @Override
    public void deleteQueue(MessageQueue queue, Completion<Void> done) {
        if (queue.ref().isQueue()) {
            destinations.deleteQueue(queue, done);
        } else {
            subscriptions.unsubscribeQueue(queue, done);
        }
    }

    /** Unregisters the MBeans and removes the meters; a failure is logged, never thrown. */
    private void closeManagement() {
        if (jmx != null) {
            jmx.close();
        }
        if (meters != null) {
            try {
                meters.close();
            } catch (Exception e) {
                System.getLogger(Broker.class.getName()).log(System.Logger.Level.WARNING,
                        "broker '" + name + "': removing its Micrometer meters failed", e);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** The broker's expiry sweep (tests count its visits). */
    ExpirySweeper expirySweeper() {
        return expirySweeper;
    }

    /** The broker's acknowledgement-timeout sweep (tests count its visits). */
    AckTimeoutSweeper ackTimeoutSweeper() {
        return ackTimeoutSweeper;
    }

    /** The options the broker was started with, to compare a joining connection's with. */
    StartOptions startOptions() {
        return startOptions;
    }

    /** The engine-wide options the broker was started with. */
    public OptionValues options() {
        return options;
    }

    /** The per-destination options the broker was started with. */
    public DestinationOptions destinationOptions() {
        return destinationOptions;
    }

    @Override
    public void openConnection(ConnectionInfo info, ConnectionListener listener, Completion<EngineConnection> done) {
        if (stopped.get() != null) {
            done.fail(EngineException.illegalState("broker '" + name + "' is stopped"));
            return;
        }
        Access access;
        try {
            access = security.login(info.user(), info.password());
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        String id = info.connectionId() != null ? info.connectionId() : "anon-" + anonymousConnections.incrementAndGet();
        VmConnection c = new VmConnection(this, id, listener, access);
        if (info.clientId() == null) {
            opened(c, done);
            return;
        }
        clientIds.claim(info.clientId(), c, new Completion<>() {
            @Override
            public void complete(Void result) {
                opened(c, done);
            }

            @Override
            public void fail(EngineException error) {
                done.fail(error);
            }
        });
    }

    private void opened(VmConnection c, Completion<EngineConnection> done) {
        connections.add(c);
        if (stopped.get() != null) {
            c.close(Completion.ignore());
            done.fail(EngineException.illegalState("broker '" + name + "' is stopped"));
            return;
        }
        done.complete(c);
    }

    /** Engine-internal: the memory limits ({@code LimitOptions}) of destination {@code name}. */
    @Override
    public QueueLimits.Config limits(String name) {
        return QueueLimits.Config.resolve(destinationOptions, name);
    }

    /** Engine-internal: the broker's threads. */
    @Override
    public EngineRuntime runtime() {
        return runtime;
    }

    /** Engine-internal: the broker's destinations. */
    @Override
    public Destinations destinations() {
        return destinations;
    }

    /** Engine-internal: the broker's persistence. */
    @Override
    public PersistentStore store() {
        return store;
    }

    /** Engine-internal: the broker's topic subscriptions. */
    @Override
    public SubscriptionRegistry subscriptions() {
        return subscriptions;
    }

    /** Engine-internal: the owner of broker-wide state. */
    @Override
    public SerialExecutor control() {
        return control;
    }

    /** Engine-internal: the client IDs in use. */
    @Override
    public ClientIds clientIds() {
        return clientIds;
    }

    /** Engine-internal: a connection closed; frees its client ID. */
    @Override
    public void connectionClosed(ClientIdHolder c) {
        clientIds.release(c);
        connections.remove(c);
    }

    /**
     * Admin: the counters of queue {@code queueName} (or a subscription queue named
     * {@code topic::kind:clientId:name}); completes with {@code null} when there is no such queue.
     */
    public void queueStats(String queueName, Completion<QueueStats> done) {
        List<MessageQueue> found = new ArrayList<>();
        destinations.forEachQueue(q -> {
            if (q.name().equals(queueName)) {
                found.add(q);
            }
        });
        if (found.isEmpty()) {
            done.complete(null);
        } else {
            found.get(0).stats(done);
        }
    }

    /** The stats of queue {@code name} as a queue destination. */
    public void queueStats(DestinationRef queue, Completion<QueueStats> done) {
        queueStats(queue.name(), done);
    }

    /**
     * Admin: moves the messages of queue {@code deadLetterQueue} matching {@code selector} (null: all)
     * back to their original destination: a queue, the subscription they came from while it exists,
     * else their topic. Messages without an origin, or whose temporary origin is gone, stay. A
     * stored message moves in one atomic write (its new records and the delete of its dead-letter
     * record); {@code done} completes with how many moved once that is durable. See
     * {@link DeadLetterReturn}.
     */
    @Override
    public void moveToOrigin(DestinationRef deadLetterQueue, Selector selector, Completion<Integer> done) {
        deadLetterReturn.moveToOrigin(deadLetterQueue, selector, done);
    }

    /**
     * Stops the broker: every consumer's sink gets {@code onClosed}, every connection's listener
     * {@code onException}, all connections close and the threads end. Idempotent.
     */
    CompletableFuture<Void> stop() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (!stopped.compareAndSet(null, result)) {
            return stopped.get();
        }
        EngineException reason = EngineException.illegalState("broker '" + name + "' was stopped");
        closeManagement();
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        if (ackSweeper != null) {
            ackSweeper.cancel(false);
        }
        store.stopping();
        destinations.closeAll(reason);
        List<CompletableFuture<?>> closes = new ArrayList<>();
        for (VmConnection c : connections) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            closes.add(f);
            runtime.execute(() -> {
                c.notifyFailure(reason);
                c.close(Futures.completing(f));
            });
        }
        Futures.all(closes).orTimeout(10, TimeUnit.SECONDS).whenComplete((v, t) -> {
            runtime.shutdown();
            try {
                store.close();
            } finally {
                result.complete(null);
            }
        });
        return result;
    }

    @Override
    public String toString() {
        return "Broker[vm://" + name + "]";
    }
}
