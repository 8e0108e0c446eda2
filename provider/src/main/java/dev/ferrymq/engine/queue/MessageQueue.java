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
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

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
 * <p>This class is the queue's public face and wires its parts; the state they share is a
 * {@link QueueState}, changed through its intent methods, and the work is done by collaborators
 * owned by the same executor, each given that state and the collaborators it calls (never this
 * class): {@link Dispatch} (arrival, offer, delivery and hand-over to the sinks),
 * {@link Settlement} (acknowledge, release, requeue, expiry, drop), {@link Deletion},
 * {@link Redeliveries} (delays, dead letters, expiry forwarding), {@link LocalRedelivery},
 * {@link QueueScans} and {@link DeliveryMarks}. Settlement sits below dispatch: it offers
 * entries back through a callback, and the redelivery policy hands entries back to it through
 * {@link Redeliveries.Returns}, so no two of them depend on each other.
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
public final class MessageQueue implements Address, AcceptingQueue, QueueDelivery.Origin {

    private final QueueState state;
    private final SerialExecutor executor;
    private final EngineRuntime runtime;
    private final QueueLimits limits;
    private final Settlement settlement;
    private final Redeliveries redeliveries;
    private final Dispatch dispatch;
    private final DeliveryMarks marks;
    private final LocalRedelivery localRedelivery;
    private final Deletion deletion;
    private final QueueScans scans;

    /**
     * A queue whose released and expired messages follow {@code policy}, made by
     * {@link QueueFactory}. Wires its collaborators, each given the shared {@link QueueState} and
     * the collaborators it calls: settlement (with the redelivery policy) below dispatch, which
     * offers entries back through a callback.
     *
     * @param ref       the destination messages are sent to (the topic, for a subscription)
     * @param name      a unique name for diagnostics, e.g. the queue name or {@code topic::subscription}
     * @param sweeper   the broker's expiry sweep, which the queue joins while it may hold a message with an expiration
     * @param ackSweeper the broker's ack-timeout sweep, which the queue joins while a delivery is outstanding
     * @param onDeleted given this queue on its executor, once, when it is deleted
     */
    MessageQueue(DestinationRef ref, String name, EngineRuntime runtime, QueuePolicy policy,
                 ExpirySweeper sweeper, AckTimeoutSweeper ackSweeper, Consumer<MessageQueue> onDeleted) {
        this.state = new QueueState(ref, name, runtime, policy, sweeper, ackSweeper);
        this.executor = state.executor();
        this.runtime = runtime;
        this.limits = state.limits();
        this.settlement = new Settlement(state, e -> dispatch().offer(e));
        this.redeliveries = settlement.redeliveries();
        this.marks = new DeliveryMarks(state, d -> dispatch().storeReached(d));
        this.dispatch = new Dispatch(state, settlement, marks);
        this.localRedelivery = new LocalRedelivery(state, settlement, dispatch::countRedelivered);
        this.deletion = new Deletion(state, settlement, marks, () -> onDeleted.accept(this));
        this.scans = new QueueScans(state, settlement);
        state.sweptBy(scans, scans);
    }

    /** The dispatch, for callbacks wired before it exists. */
    private Dispatch dispatch() {
        return dispatch;
    }

    /** The queue's memory bound: what it holds and whether a send may add to it. */
    public QueueLimits limits() {
        return limits;
    }

    @Override
    public QueueLimits blockedOn(MessageData message, Publisher publisher) {
        return state.isDeleted() || limits.hasRoom() ? null : limits;
    }

    /** Makes this a durable queue writing its PERSISTENT messages to {@code store}; call before publishing the queue. */
    public void persistTo(QueueStore store) {
        state.persistTo(store);
        marks.persistTo(store);
    }

    /** Takes over the delivery mark recovered from the store as record {@code id}; see {@link DeliveryMarks}. */
    public void restoreMark(long id, long upTo) {
        executor.execute(() -> marks.restore(id, upTo));
    }

    /** Whether {@code message} is written to the store when it arrives here. Any thread. */
    @Override
    public boolean stores(MessageData message) {
        return state.stores(message);
    }

    @Override
    public void route(MessageData message, Publisher publisher, List<AcceptingQueue> out) {
        out.add(this);
    }

    @Override
    public DestinationRef ref() {
        return state.ref();
    }

    public String name() {
        return state.name();
    }

    @Override
    public boolean isDeleted() {
        return state.isDeleted();
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
        assert !stores(message) : "a stored message reaches " + name() + " only through the accept path";
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
                QueueState.LOG.log(Level.DEBUG, "broker stopped: delayed message to " + name() + " dropped");
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
    @Override
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
            if (state.isClosed()) {
                done.fail(EngineException.invalidDestination(ref() + " has been deleted"));
                return;
            }
            state.consumers().add(c);
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
            state.consumers().update(c);
            dispatch.fill(c);
        });
    }

    public void suspend(QueueConsumer c, Completion<Void> done) {
        executor.execute(() -> {
            c.suspended = true;
            state.consumers().update(c);
            done.complete(null);
        });
    }

    public void resume(QueueConsumer c) {
        executor.execute(() -> {
            c.suspended = false;
            state.consumers().update(c);
            dispatch.fill(c);
        });
    }

    /**
     * Closes a consumer: no more deliveries. With {@code releaseOutstanding} its outstanding
     * deliveries go back as delivered (session close); otherwise they stay with the session.
     */
    public void removeConsumer(QueueConsumer c, boolean releaseOutstanding, Completion<Void> done) {
        executor.execute(() -> {
            state.consumers().remove(c);
            if (releaseOutstanding && c.outstanding > 0) {
                settlement.release(c.outstandingList(), ReleaseReason.of(ReleaseReason.Cause.CLOSE));
            }
            c.checkDrained();
            done.complete(null);
        });
    }

    @Override
    public void acknowledge(List<QueueDelivery> deliveries, boolean background, Completion<Void> done) {
        executor.execute(() -> settlement.acknowledge(deliveries, background, done));
    }

    @Override
    public void claimForCommit(List<QueueDelivery> deliveries, Completion<List<QueueDelivery>> done) {
        executor.execute(() -> {
            List<QueueDelivery> current = new ArrayList<>(deliveries.size());
            for (QueueDelivery d : deliveries) {
                if (d.isCurrent()) {
                    d.claimed = true;
                    current.add(d);
                }
            }
            done.complete(current);
        });
    }

    @Override
    public void acknowledgeCommitted(List<QueueDelivery> deliveries) {
        executor.execute(() -> settlement.acknowledgeCommitted(deliveries));
    }

    @Override
    public void release(List<QueueDelivery> deliveries, ReleaseReason reason, Runnable then) {
        executor.execute(() -> {
            settlement.release(deliveries, reason);
            if (then != null) {
                then.run();
            }
        });
    }

    @Override
    public void redeliver(List<QueueDelivery> deliveries, ReleaseReason reason, Completion<Void> done) {
        executor.execute(() -> localRedelivery.run(deliveries, reason, done));
    }

    /** Browsing, sweeps and moves over this queue's messages. */
    public QueueScans scans() {
        return scans;
    }

    public void stats(Completion<QueueStats> done) {
        executor.execute(() -> done.complete(stats()));
    }

    /** A snapshot of the queue's figures in the essay's model ({@link QueueFigures}), taken on its executor. */
    public void figures(Completion<QueueFigures> done) {
        executor.execute(() -> done.complete(state.meters().figures(name(), ref(), stats(), state.consumers().paused())));
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
        state.markDeleted();
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

    /** The counters of this queue, read on its executor. */
    private QueueStats stats() {
        return new QueueStats(dispatch.enqueuedCount, dispatch.deliveredCount, settlement.acknowledgedCount,
                settlement.expiredCount, state.available().size(), state.outstanding(), state.consumers().size(),
                redeliveries.deadLettered, redeliveries.delayed);
    }

    /** Evaluates {@code selector} on {@code m}; a selector that throws counts as no match. Any thread. */
    public boolean matches(Selector selector, MessageData m) {
        return state.matches(selector, m);
    }

    @Override
    public String toString() {
        return "MessageQueue[" + name() + "]";
    }
}
