package dev.ferrymq.engine.queue;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.ReleaseReason;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A queue: a queue destination, a temporary queue or one topic subscription. Holds available
 * messages in delivery order (priority, then arrival), dispatches them to consumers with credit,
 * round-robin, honouring consumer selectors, and tracks deliveries until they are acknowledged
 * or released.
 *
 * <p>Threading contract: every public method may be called from any thread; it hands its work to
 * this queue's {@link SerialExecutor} and returns. All state (messages, consumers, credit,
 * outstanding deliveries, counters) is changed only by tasks on that executor, so none of it is
 * locked. Sinks and completions are called on the executor, one at a time.
 *
 * <p>This class holds the queue's state and its public face; the work is done by collaborators
 * owned by the same executor: {@link Dispatch} (arrival, offer, delivery and hand-over to the
 * sinks), {@link Settlement} (acknowledge, release, requeue, expiry, drop), {@link Deletion},
 * {@link Redeliveries} (delays, dead letters, expiry forwarding), {@link LocalRedelivery},
 * {@link QueueScans} and {@link DeliveryMarks}.
 *
 * <p>Dispatch invariant, restored by every task: no consumer that is ready (open, not suspended,
 * with credit) accepts any available message. Hence a new or released message only needs to be
 * offered to the ready consumers, and a consumer that becomes ready only needs one scan.
 *
 * <p>Persistence: a durable queue (a queue destination or a durable subscription) has a
 * {@link QueueStore}. Its PERSISTENT messages arrive only once written ({@link #enqueueStored}),
 * each delivery of one is handed to the consumer only once the store knows of it (see
 * {@link Dispatch} and {@link DeliveryMarks}), and they leave through {@link #acknowledge} (the
 * caller's completion waits for the delete), {@link Settlement#dropped} (a delete written in the
 * background) or a move to another queue (one atomic write, {@link Redeliveries#moveOut}).
 * Redelivery delay, dead letters and expiry forwarding follow the queue's {@link QueuePolicy} in
 * {@link Redeliveries}.
 */
public final class MessageQueue implements Address {

    static final System.Logger LOG = System.getLogger(MessageQueue.class.getName());
    static final Comparator<MessageEntry> DELIVERY_ORDER =
            Comparator.comparingInt((MessageEntry e) -> -e.priority).thenComparingLong(e -> e.seq);

    private final DestinationRef ref;
    private final String name;
    final EngineRuntime runtime;
    final SerialExecutor executor;
    final Redeliveries redeliveries;
    private final QueueScans scans;
    private final QueueLimits limits;
    final Dispatch dispatch;
    final Settlement settlement;
    final Deletion deletion;
    final DeliveryMarks marks;
    final QueueMeters meters = new QueueMeters();
    private final QueueObserver observer;
    /** Set when the queue is deleted, by {@link #close} at once; readable from any thread. */
    volatile boolean deleted;
    /** Set once before the queue is published; null for a queue kept in memory only. */
    private QueueStore store;
    /** Set when a message with an expiration arrives; cleared by a sweep that finds none left. */
    volatile boolean holdsExpiring;

    final MessageList available = new MessageList();
    final ConsumerSet consumers = new ConsumerSet();
    /** Deliveries made and not yet settled, over all consumers. */
    int outstanding;
    /** Set on the executor once the queue is deleted. */
    boolean closed;

    /**
     * @param ref  the destination messages are sent to (the topic, for a subscription)
     * @param name a unique name for diagnostics, e.g. the queue name or {@code topic::subscription}
     */
    public MessageQueue(DestinationRef ref, String name, EngineRuntime runtime) {
        this(ref, name, runtime, QueuePolicy.NONE);
    }

    /** A queue whose released and expired messages follow {@code policy}. */
    public MessageQueue(DestinationRef ref, String name, EngineRuntime runtime, QueuePolicy policy) {
        this.ref = ref;
        this.name = name;
        this.runtime = runtime;
        this.executor = runtime.newSerialExecutor();
        this.redeliveries = new Redeliveries(this, policy, runtime, executor);
        this.scans = new QueueScans(this);
        this.limits = new QueueLimits(policy.limits, policy.memory, name, runtime);
        this.dispatch = new Dispatch(this);
        this.settlement = new Settlement(this);
        this.deletion = new Deletion(this);
        this.marks = new DeliveryMarks(this, executor, dispatch::storeReached);
        this.observer = policy.observer;
        observer.created(this);
    }

    /** Engine-internal: deletion tells the observer, once. */
    void deletedNow() {
        observer.deleted(this);
    }

    /** The queue's memory bound: what it holds and whether a send may add to it. */
    public QueueLimits limits() {
        return limits;
    }

    @Override
    public MessageQueue blockedOn(MessageData message, Publisher publisher) {
        return deleted || limits.hasRoom() ? null : this;
    }

    /** Makes this a durable queue writing its PERSISTENT messages to {@code store}; call before publishing the queue. */
    public void persistTo(QueueStore store) {
        this.store = store;
        marks.persistTo(store);
    }

    /** Takes over the delivery mark recovered from the store as record {@code id}; see {@link DeliveryMarks}. */
    public void restoreMark(long id, long upTo) {
        executor.execute(() -> marks.restore(id, upTo));
    }

    /** Whether {@code message} is written to the store when it arrives here. Any thread. */
    public boolean stores(MessageData message) {
        return store != null && message.persistent() && !deleted;
    }

    @Override
    public void route(MessageData message, Publisher publisher, List<MessageQueue> out) {
        out.add(this);
    }

    @Override
    public DestinationRef ref() {
        return ref;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean isDeleted() {
        return deleted;
    }

    @Override
    public void publish(MessageData message, Publisher publisher) {
        enqueue(message);
    }

    /**
     * Adds a message this queue does not write (NON_PERSISTENT, or a queue without a store); one
     * whose delivery time lies ahead is held by the scheduler until then and is neither
     * deliverable nor browsable before. A message it writes comes only through the broker's one
     * accept path (a send, commit or move), which writes it first and then calls
     * {@link #enqueueStored}.
     */
    public void enqueue(MessageData message) {
        assert !stores(message) : "a stored message reaches " + name + " only through the accept path";
        enqueueStored(message, 0, 0);
    }

    /**
     * Adds a message already written to the store as record {@code storeId} (0: not stored);
     * {@code priorDeliveries} is its recovered delivery count. Delayed like {@link #enqueue}.
     */
    public void enqueueStored(MessageData message, long storeId, int priorDeliveries) {
        enqueueStored(message, storeId, priorDeliveries, 0);
    }

    /**
     * {@link #enqueueStored(MessageData, long, int)} for a message that is moreover not available
     * before {@code notBefore} (epoch ms, 0: no bound): a recovered message that was waiting for a
     * delayed redelivery. It takes its place in arrival order at once and is held there until then,
     * as a delayed redelivery is without a restart.
     */
    public void enqueueStored(MessageData message, long storeId, int priorDeliveries, long notBefore) {
        if (notBefore > runtime.now() && message.deliveryTime() <= notBefore) {
            limits.added(message);
            executor.execute(() -> dispatch.arriveHeld(message, storeId, priorDeliveries, notBefore));
            return;
        }
        limits.added(message);
        long deliveryTime = Math.max(message.deliveryTime(), notBefore);
        long delay = deliveryTime == 0 ? 0 : deliveryTime - runtime.now();
        if (delay > 0) {
            try {
                runtime.schedule(() -> executor.execute(() -> dispatch.arrive(message, storeId, priorDeliveries)), delay);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                limits.removed(message);
                LOG.log(Level.DEBUG, "broker stopped: delayed message to " + name + " dropped");
            }
        } else {
            executor.execute(() -> dispatch.arrive(message, storeId, priorDeliveries));
        }
    }

    /**
     * Adds the first {@code count} of {@code messages}, already written to the store as records
     * {@code storeIds} (0: not stored), in one task on the queue's executor: a committed
     * transaction's messages arrive together. Delayed ones are held like {@link #enqueue}'s.
     */
    public void enqueueAllStored(MessageData[] messages, long[] storeIds, int count) {
        int immediate = 0;
        long now = runtime.now();
        for (int i = 0; i < count; i++) {
            long deliveryTime = messages[i].deliveryTime();
            if (deliveryTime != 0 && deliveryTime > now) {
                enqueueStored(messages[i], storeIds[i], 0);
            } else {
                limits.added(messages[i]);
                messages[immediate] = messages[i];
                storeIds[immediate++] = storeIds[i];
            }
        }
        if (immediate > 0) {
            int n = immediate;
            executor.execute(() -> {
                for (int i = 0; i < n; i++) {
                    dispatch.arrive(messages[i], storeIds[i], 0);
                }
            });
        }
    }

    /** Registers a consumer; completes with INVALID_DESTINATION when the queue was deleted. */
    public void addConsumer(QueueConsumer c, Completion<Void> done) {
        executor.execute(() -> {
            if (closed) {
                done.fail(EngineException.invalidDestination(ref + " has been deleted"));
                return;
            }
            consumers.add(c);
            done.complete(null);
            dispatch.fill(c);
        });
    }

    public void credit(QueueConsumer c, int credits) {
        if (credits <= 0) {
            return;
        }
        executor.execute(() -> {
            if (c.closed) {
                return;
            }
            long sum = (long) c.credit + credits;
            c.credit = (int) Math.min(Integer.MAX_VALUE, sum);
            consumers.update(c);
            dispatch.fill(c);
        });
    }

    public void suspend(QueueConsumer c, Completion<Void> done) {
        executor.execute(() -> {
            c.suspended = true;
            consumers.update(c);
            done.complete(null);
        });
    }

    public void resume(QueueConsumer c) {
        executor.execute(() -> {
            c.suspended = false;
            consumers.update(c);
            dispatch.fill(c);
        });
    }

    /**
     * Closes a consumer: no more deliveries. With {@code releaseOutstanding} its outstanding
     * deliveries go back as delivered (session close); otherwise they stay with the session.
     */
    public void removeConsumer(QueueConsumer c, boolean releaseOutstanding, Completion<Void> done) {
        executor.execute(() -> {
            consumers.remove(c);
            if (releaseOutstanding && c.outstanding > 0) {
                settlement.release(c.outstandingList(), ReleaseReason.of(ReleaseReason.Cause.CLOSE));
            }
            c.checkDrained();
            done.complete(null);
        });
    }

    /**
     * Acknowledges deliveries; {@code done} completes once the deletes of their stored messages
     * are durable.
     */
    public void acknowledge(List<QueueDelivery> deliveries, Completion<Void> done) {
        acknowledge(deliveries, false, done);
    }

    /**
     * Acknowledges deliveries; {@code done} completes once the deletes of their stored messages
     * are durable. {@code background} (AUTO_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE: nobody waits): the
     * deletes may wait for the store's next sync ({@link QueueStore#acknowledged}).
     */
    public void acknowledge(List<QueueDelivery> deliveries, boolean background, Completion<Void> done) {
        executor.execute(() -> settlement.acknowledge(deliveries, background, done));
    }

    /**
     * Before a commit writes the deletes of stored messages it consumed: completes {@code done}
     * with those of {@code deliveries} that are still current, claimed so that no acknowledgement
     * timeout takes them away before the commit is applied. The others timed out and went to
     * another consumer: the commit must not delete their records (a late commit changes nothing
     * for them, as a late acknowledge does not).
     */
    public void claimForCommit(List<QueueDelivery> deliveries, Completion<List<QueueDelivery>> done) {
        executor.execute(() -> {
            List<QueueDelivery> current = new ArrayList<>(deliveries.size());
            for (QueueDelivery d : deliveries) {
                if (d.entry.delivery == d) {
                    d.claimed = true;
                    current.add(d);
                }
            }
            done.complete(current);
        });
    }

    /** Acknowledges deliveries whose stored messages a committed transaction already deleted. */
    public void acknowledgeCommitted(List<QueueDelivery> deliveries) {
        executor.execute(() -> settlement.acknowledgeCommitted(deliveries));
    }

    /**
     * Puts deliveries back at their places. {@code reason} {@code null}: the application never saw
     * them; otherwise the redelivery policy applies (they count one more delivery, may wait or go
     * to the dead-letter queue).
     */
    public void release(List<QueueDelivery> deliveries, ReleaseReason reason, Runnable then) {
        executor.execute(() -> {
            settlement.release(deliveries, reason);
            if (then != null) {
                then.run();
            }
        });
    }

    /**
     * Redelivers deliveries the application saw to the consumers holding them, without
     * requeueing them ({@link LocalRedelivery}); {@code done} completes once the sinks have them.
     */
    public void redeliver(List<QueueDelivery> deliveries, ReleaseReason reason, Completion<Void> done) {
        executor.execute(() -> LocalRedelivery.run(this, deliveries, reason, done));
    }

    /** Browsing, sweeps and moves over this queue's messages. */
    public QueueScans scans() {
        return scans;
    }

    public void stats(Completion<QueueStats> done) {
        executor.execute(() -> done.complete(QueueMeters.stats(this)));
    }

    /** A snapshot of the queue's figures in the essay's model ({@link QueueFigures}), taken on its executor. */
    public void figures(Completion<QueueFigures> done) {
        executor.execute(() -> done.complete(meters.figures(this)));
    }

    /**
     * Management: stops dispatching to consumers ({@code true}) or starts again. Messages keep
     * arriving and wait; deliveries already made are unaffected.
     */
    public void pause(boolean pause, Completion<Void> done) {
        executor.execute(() -> {
            dispatch.pause(pause);
            done.complete(null);
        });
    }

    /**
     * Deletes the queue and its messages; open consumers get {@code onClosed(reason)}. Later
     * sends are dropped and later consumers refused.
     */
    public void close(EngineException reason) {
        deleted = true;
        executor.execute(() -> deletion.closeNow(reason));
    }

    /** Deletes the queue unless a consumer is open on it (ILLEGAL_STATE); for temporary queues. */
    public void deleteIfUnused(Completion<Void> done) {
        executor.execute(() -> deletion.deleteIfUnused(done));
    }

    /**
     * Deletes the queue if it has no consumer and no unacknowledged delivery and {@code detach}
     * (run on this queue's executor) agrees; ILLEGAL_STATE otherwise. For unsubscribe.
     */
    public void deleteIfIdle(BooleanSupplier detach, Completion<Void> done) {
        executor.execute(() -> deletion.deleteIfIdle(detach, done));
    }

    // ---- executor-confined below ----

    /** The store of a durable queue, or null. */
    QueueStore store() {
        return store;
    }

    /** The store holding {@code e}'s message, or {@code null} when it is not stored. */
    QueueStore storeOf(MessageEntry e) {
        return e.storeId != 0 ? store : null;
    }

    /** Whether {@code e} has expired; reads the clock only for a message that can expire. */
    boolean expiredNow(MessageEntry e) {
        return e.message.expiration() != 0 && e.message.isExpired(runtime.now());
    }

    /** Evaluates {@code selector} on {@code m}; a selector that throws counts as no match. Any thread. */
    public boolean matches(Selector selector, MessageData m) {
        try {
            return selector.matches(m);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "selector '" + selector.text() + "' failed on " + m + "; treated as no match", ex);
            return false;
        }
    }

    @Override
    public String toString() {
        return "MessageQueue[" + name + "]";
    }
}
