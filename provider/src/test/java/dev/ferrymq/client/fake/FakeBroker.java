package dev.ferrymq.client.fake;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DeadLetterProperties;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConnectionListener;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One in-memory test broker. Every state change happens under one lock; sinks are called under
 * it (they only queue). Offers hooks for tests: held sends, injected connection failures,
 * counters.
 */
public final class FakeBroker implements Engine {

    final ReentrantLock lock = new ReentrantLock();
    final Map<DestinationRef, FakeQueue> queues = new HashMap<>();
    final Map<String, FakeQueue> durableSubscriptions = new HashMap<>();
    final Map<String, FakeQueue> sharedSubscriptions = new HashMap<>();
    final List<FakeQueue> privateSubscriptions = new ArrayList<>();
    final Set<String> clientIds = ConcurrentHashMap.newKeySet();
    final List<FakeConnection> connections = new ArrayList<>();
    final AtomicLong sequence = new AtomicLong();
    final AtomicInteger temporaries = new AtomicInteger();
    private final String name;
    private final ExecutorService engineThread;
    private final List<Runnable> heldSendCompletions = new ArrayList<>();
    private volatile boolean holdSends;
    /** The redelivery policy: attempts before the dead-letter queue (0: unlimited). */
    private volatile int maxDeliveryAttempts;
    /** The dead-letter queue's name, {@code {name}} standing for the queue's; null: none. */
    private volatile String deadLetterQueue;
    /** How many deliveries were acknowledged, for tests. */
    public final AtomicInteger acknowledged = new AtomicInteger();
    /** How much credit consumers were granted after creation, for tests. */
    public final AtomicInteger creditGranted = new AtomicInteger();

    FakeBroker(String name, boolean useEngineThread) {
        this.name = name;
        this.engineThread = useEngineThread ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fake-engine-" + name);
            t.setDaemon(true);
            return t;
        }) : null;
    }

    @Override
    public String name() {
        return name;
    }

    /** Sets the redelivery policy the contract suite passes as options (maxDeliveryAttempts, deadLetterQueue). */
    public FakeBroker withRedelivery(int maxDeliveryAttempts, String deadLetterQueue) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.deadLetterQueue = deadLetterQueue;
        return this;
    }

    /** Whether {@code d}'s message used up its delivery attempts (caller holds the lock). */
    boolean exhausted(FakeDelivery d) {
        return maxDeliveryAttempts > 0 && d.deliveryCount() >= maxDeliveryAttempts;
    }

    /**
     * When {@code d}'s message used up its attempts, moves a copy to the dead-letter queue with
     * the dead-letter properties (dropped without one) and returns true (caller holds the lock).
     */
    boolean deadLetter(FakeDelivery d, String lastFailure) {
        if (!exhausted(d)) {
            return false;
        }
        if (deadLetterQueue != null) {
            MessageData m = d.entry.data;
            Map<String, Object> props = new HashMap<>(m.properties());
            props.put(DeadLetterProperties.ORIGINAL_DESTINATION, d.queue.name);
            props.put(DeadLetterProperties.ORIGINAL_DESTINATION_TYPE, "QUEUE");
            props.put(DeadLetterProperties.DELIVERY_COUNT, d.deliveryCount());
            if (lastFailure != null) {
                props.put(DeadLetterProperties.LAST_FAILURE, lastFailure);
            }
            DestinationRef dlq = DestinationRef.queue(deadLetterQueue.replace("{name}", d.queue.name));
            MessageData copy = MessageData.builder().messageId(m.messageId()).timestamp(m.timestamp())
                    .destination(dlq).persistent(m.persistent()).priority(m.priority()).type(m.type())
                    .properties(props).body(m.bodyType(), m.body()).build();
            queue(dlq).add(copy, sequence.incrementAndGet());
        }
        return true;
    }

    @Override
    public void openConnection(ConnectionInfo info, ConnectionListener listener, Completion<EngineConnection> done) {
        lock.lock();
        try {
            if (info.clientId() != null && !clientIds.add(info.clientId())) {
                fail(done, new EngineException(EngineException.Kind.INVALID_CLIENT_ID, "client ID " + info.clientId() + " in use"));
                return;
            }
            FakeConnection c = new FakeConnection(this, info, listener);
            connections.add(c);
            complete(done, c);
        } finally {
            lock.unlock();
        }
    }

    <T> void complete(Completion<T> done, T value) {
        if (engineThread != null) {
            engineThread.execute(() -> done.complete(value));
        } else {
            done.complete(value);
        }
    }

    void fail(Completion<?> done, EngineException e) {
        if (engineThread != null) {
            engineThread.execute(() -> done.fail(e));
        } else {
            done.fail(e);
        }
    }

    /** Completes a send now, or keeps it for {@link #releaseHeldSendsInReverse()}. */
    void completeSend(Completion<Void> done) {
        lock.lock();
        try {
            if (holdSends) {
                heldSendCompletions.add(() -> done.complete(null));
                return;
            }
        } finally {
            lock.unlock();
        }
        complete(done, null);
    }

    /** From now on send completions are held back (the messages are still enqueued). */
    public void holdSends() {
        holdSends = true;
    }

    /** How many send completions are held back. */
    public int heldSends() {
        lock.lock();
        try {
            return heldSendCompletions.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops holding and completes the held sends, the last one first, on a new thread. */
    public void releaseHeldSendsInReverse() {
        List<Runnable> held;
        lock.lock();
        try {
            holdSends = false;
            held = new ArrayList<>(heldSendCompletions);
            heldSendCompletions.clear();
        } finally {
            lock.unlock();
        }
        Thread t = new Thread(() -> {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).run();
            }
        }, "fake-release");
        t.start();
    }

    /** Tells every connection's listener of a failure. */
    public void failConnections(String message) {
        List<FakeConnection> all;
        lock.lock();
        try {
            all = new ArrayList<>(connections);
        } finally {
            lock.unlock();
        }
        for (FakeConnection c : all) {
            c.listener.onException(EngineException.general(message));
        }
    }

    /**
     * The engine closes, on its own, every consumer reading {@code destination} (a queue, or a
     * temporary queue, by its engine name): their sinks get {@code onClosed(reason)}.
     */
    public void closeConsumers(String destination, EngineException reason) {
        List<FakeConsumer> closing = new ArrayList<>();
        lock.lock();
        try {
            for (FakeConnection c : connections) {
                for (FakeSession s : c.sessions) {
                    for (FakeConsumer consumer : s.consumers) {
                        if (consumer.queue.name.equals(destination)) {
                            closing.add(consumer);
                        }
                    }
                }
            }
            for (FakeConsumer consumer : closing) {
                consumer.closeLocked();
            }
        } finally {
            lock.unlock();
        }
        for (FakeConsumer consumer : closing) {
            consumer.sink.onClosed(reason);
        }
    }

    /**
     * Stops like a real broker: every consumer's sink gets {@code onClosed} and every connection's
     * listener {@code onException}, both with the same ILLEGAL_STATE reason; the consumers' sinks
     * first when {@code consumersFirst}, else the listeners first.
     */
    public void stop(boolean consumersFirst) {
        EngineException reason = EngineException.illegalState("broker '" + name + "' was stopped");
        List<FakeConnection> all;
        List<FakeConsumer> consumers = new ArrayList<>();
        lock.lock();
        try {
            all = new ArrayList<>(connections);
            for (FakeConnection c : all) {
                for (FakeSession s : c.sessions) {
                    consumers.addAll(s.consumers);
                }
            }
        } finally {
            lock.unlock();
        }
        if (!consumersFirst) {
            all.forEach(c -> c.listener.onException(reason));
        }
        consumers.forEach(c -> c.sink.onClosed(reason));
        if (consumersFirst) {
            all.forEach(c -> c.listener.onException(reason));
        }
    }

    /** Messages waiting (not delivered) on a queue. */
    public int queueDepth(String queue) {
        lock.lock();
        try {
            FakeQueue q = queues.get(DestinationRef.queue(queue));
            return q == null ? 0 : q.available.size();
        } finally {
            lock.unlock();
        }
    }

    /** Puts a message straight on a queue, e.g. one that already expired. */
    public void enqueue(String queue, MessageData data) {
        lock.lock();
        try {
            queue(DestinationRef.queue(queue)).add(data, sequence.incrementAndGet());
        } finally {
            lock.unlock();
        }
    }

    /** The queue, created on first use (caller holds the lock). */
    FakeQueue queue(DestinationRef ref) {
        return queues.computeIfAbsent(ref, r -> new FakeQueue(this, r.name(), null));
    }

    /** Routes a committed send (caller holds the lock). */
    void route(MessageData data, FakeConnection sender) {
        long seq = sequence.incrementAndGet();
        DestinationRef ref = data.destination();
        if (ref.isQueue()) {
            queue(ref).add(data, seq);
            return;
        }
        List<FakeQueue> subscriptions = new ArrayList<>();
        for (FakeQueue q : privateSubscriptions) {
            if (q.topic.equals(ref)) {
                subscriptions.add(q);
            }
        }
        for (FakeQueue q : durableSubscriptions.values()) {
            if (q.topic.equals(ref)) {
                subscriptions.add(q);
            }
        }
        for (FakeQueue q : sharedSubscriptions.values()) {
            if (q.topic.equals(ref)) {
                subscriptions.add(q);
            }
        }
        for (FakeQueue q : subscriptions) {
            if (!(q.noLocal && q.owner == sender)) {
                q.add(data, seq);
            }
        }
    }
}
