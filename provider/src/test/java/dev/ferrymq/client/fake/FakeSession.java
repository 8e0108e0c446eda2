package dev.ferrymq.client.fake;

import dev.ferrymq.selector.Selector;
import dev.ferrymq.selector.SelectorSyntaxException;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DeliverySink;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.ReleaseReason;
import dev.ferrymq.spi.SessionInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A session: sends (held until commit when transacted), consumers, unacknowledged deliveries. */
final class FakeSession implements EngineSession {

    final FakeConnection connection;
    final SessionInfo info;
    final List<FakeDelivery> unacked = new ArrayList<>();
    final List<FakeConsumer> consumers = new ArrayList<>();
    private final List<MessageData> transactionSends = new ArrayList<>();
    private boolean closed;

    FakeSession(FakeConnection connection, SessionInfo info) {
        this.connection = connection;
        this.info = info;
    }

    FakeBroker broker() {
        return connection.broker;
    }

    @Override
    public void send(MessageData message, Completion<Void> done) {
        FakeBroker b = broker();
        b.lock.lock();
        try {
            DestinationRef ref = message.destination();
            if (deletedTemporary(ref)) {
                b.fail(done, EngineException.invalidDestination("temporary destination " + ref + " was deleted"));
                return;
            }
            if (info.transacted()) {
                transactionSends.add(message);
            } else {
                b.route(message, connection);
            }
        } finally {
            b.lock.unlock();
        }
        b.completeSend(done);
    }

    @Override
    public void createConsumer(ConsumerInfo ci, DeliverySink sink, Completion<EngineConsumer> done) {
        FakeBroker b = broker();
        b.lock.lock();
        try {
            Selector selector;
            try {
                selector = parse(ci.selector());
            } catch (EngineException e) {
                b.fail(done, e);
                return;
            }
            DestinationRef ref = ci.destination();
            FakeQueue q;
            boolean privateSubscription = false;
            if (ref.isQueue()) {
                q = b.queue(ref);
            } else if (ci.subscriptionName() == null) {
                q = new FakeQueue(b, "private", ref);
                q.owner = connection;
                q.noLocal = ci.noLocal();
                b.privateSubscriptions.add(q);
                privateSubscription = true;
            } else if (ci.durable()) {
                String key = (ci.shared() ? "shared:" : connection.clientId + ":") + ci.subscriptionName();
                q = b.durableSubscriptions.computeIfAbsent(key, k -> new FakeQueue(b, k, ref));
                if (!ci.shared() && !q.consumers.isEmpty()) {
                    b.fail(done, new EngineException(EngineException.Kind.ILLEGAL_STATE, "durable subscription " + key + " is active"));
                    return;
                }
            } else {
                q = b.sharedSubscriptions.computeIfAbsent(ci.subscriptionName(), k -> new FakeQueue(b, k, ref));
            }
            FakeConsumer c = new FakeConsumer(this, q, sink, ci.initialCredit(), privateSubscription, selector,
                    ci.suspended());
            q.consumers.add(c);
            consumers.add(c);
            b.complete(done, c);
            q.pump();
        } finally {
            b.lock.unlock();
        }
    }

    @Override
    public void browse(DestinationRef queue, String selector, Completion<List<MessageData>> done) {
        FakeBroker b = broker();
        b.lock.lock();
        try {
            Selector parsed;
            try {
                parsed = parse(selector);
            } catch (EngineException e) {
                b.fail(done, e);
                return;
            }
            List<MessageData> snapshot = new ArrayList<>();
            FakeQueue q = b.queues.get(queue);
            if (q != null) {
                q.available.values().stream().filter(e -> parsed == null || parsed.matches(e.data))
                        .forEach(e -> snapshot.add(e.data));
            }
            b.complete(done, snapshot);
        } finally {
            b.lock.unlock();
        }
    }

    @Override
    public void acknowledge(List<? extends Delivery> deliveries, Completion<Void> done) {
        FakeBroker b = broker();
        b.lock.lock();
        try {
            for (Delivery d : deliveries) {
                if (unacked.remove(d)) {
                    b.acknowledged.incrementAndGet();
                }
            }
        } finally {
            b.lock.unlock();
        }
        b.complete(done, null);
    }

    @Override
    public void acknowledge(Delivery delivery, Completion<Void> done) {
        acknowledge(List.of(delivery), done);
    }

    @Override
    public void releaseUnseen(List<? extends Delivery> deliveries, Completion<Void> done) {
        release(deliveries, false, done);
    }

    /**
     * The fake has no redelivery policy and no expiry queue: an expired delivery is consumed for
     * good; any other comes back to its place, counted.
     */
    @Override
    public void release(List<? extends Delivery> deliveries, ReleaseReason reason, Completion<Void> done) {
        if (!reason.delivered()) {
            acknowledge(deliveries, done);
            return;
        }
        FakeBroker b = broker();
        b.lock.lock();
        try {
            releaseLocked(deliveries, true, reason);
        } finally {
            b.lock.unlock();
        }
        b.complete(done, null);
    }

    private void release(List<? extends Delivery> deliveries, boolean delivered, Completion<Void> done) {
        FakeBroker b = broker();
        b.lock.lock();
        try {
            releaseLocked(deliveries, delivered);
        } finally {
            b.lock.unlock();
        }
        b.complete(done, null);
    }

    @Override
    public void redeliver(List<? extends Delivery> deliveries, ReleaseReason reason, Completion<Void> done) {
        FakeBroker b = broker();
        b.lock.lock();
        try {
            redeliverLocked(deliveries, reason);
        } finally {
            b.lock.unlock();
        }
        b.complete(done, null);
    }

    /**
     * Local redelivery: each delivery of an open consumer is replaced by one counting one more and
     * handed back to that consumer (one call per consumer, in list order); the rest is released.
     */
    private void redeliverLocked(List<? extends Delivery> deliveries, ReleaseReason reason) {
        Map<FakeConsumer, List<Delivery>> byConsumer = new LinkedHashMap<>();
        List<Delivery> closed = new ArrayList<>();
        for (Delivery d : deliveries) {
            FakeDelivery fd = (FakeDelivery) d;
            if (!unacked.contains(fd)) {
                continue;
            }
            if (fd.consumer.closed || broker().exhausted(fd)) {
                closed.add(fd);
                continue;
            }
            unacked.remove(fd);
            fd.entry.seen = fd.deliveryCount();
            FakeDelivery next = new FakeDelivery(fd.entry, fd.queue, this, fd.consumer);
            unacked.add(next);
            byConsumer.computeIfAbsent(fd.consumer, c -> new ArrayList<>()).add(next);
        }
        releaseLocked(closed, true, reason);
        byConsumer.forEach((c, list) -> c.sink.onRedelivery(list));
    }

    private void releaseLocked(List<? extends Delivery> deliveries, boolean delivered) {
        releaseLocked(deliveries, delivered, null);
    }

    /**
     * Puts deliveries back at their places; one the application saw that used up the broker's
     * maxDeliveryAttempts goes to its dead-letter queue instead (with its failure in {@code reason},
     * {@code null} for none, as its last failure).
     */
    private void releaseLocked(List<? extends Delivery> deliveries, boolean delivered, ReleaseReason reason) {
        List<FakeQueue> touched = new ArrayList<>();
        for (Delivery d : deliveries) {
            FakeDelivery fd = (FakeDelivery) d;
            if (unacked.remove(fd)) {
                if (delivered) {
                    fd.entry.seen = fd.deliveryCount();
                    if (broker().deadLetter(fd, reason == null ? null : reason.failureOf(fd))) {
                        continue;
                    }
                }
                fd.queue.putBack(fd.entry);
                touched.add(fd.queue);
            }
        }
        touched.forEach(FakeQueue::pump);
    }

    @Override
    public void commit(List<? extends Delivery> consumed, Completion<Void> done) {
        FakeBroker b = broker();
        if (!info.transacted()) {
            b.fail(done, EngineException.illegalState("not transacted"));
            return;
        }
        b.lock.lock();
        try {
            for (MessageData m : transactionSends) {
                DestinationRef ref = m.destination();
                if (deletedTemporary(ref)) {
                    transactionSends.clear();
                    redeliverLocked(consumed, null);
                    b.fail(done, new EngineException(EngineException.Kind.TRANSACTION_ROLLED_BACK,
                            "transaction rolled back: temporary destination " + ref + " was deleted"));
                    return;
                }
            }
            for (MessageData m : transactionSends) {
                b.route(m, connection);
            }
            transactionSends.clear();
            for (Delivery d : consumed) {
                if (unacked.remove(d)) {
                    b.acknowledged.incrementAndGet();
                }
            }
        } finally {
            b.lock.unlock();
        }
        b.complete(done, null);
    }

    @Override
    public void rollback(List<? extends Delivery> consumed, ReleaseReason reason, Completion<Void> done) {
        FakeBroker b = broker();
        if (!info.transacted()) {
            b.fail(done, EngineException.illegalState("not transacted"));
            return;
        }
        b.lock.lock();
        try {
            transactionSends.clear();
            redeliverLocked(consumed, reason);
        } finally {
            b.lock.unlock();
        }
        b.complete(done, null);
    }

    /** Whether {@code ref} names a temporary destination that was deleted (caller holds the lock). */
    private boolean deletedTemporary(DestinationRef ref) {
        return ref.isTemporary() && !broker().queues.containsKey(ref) && !connection.isLiveTemporary(ref);
    }

    private static Selector parse(String selector) {
        try {
            return Selector.parse(selector);
        } catch (SelectorSyntaxException e) {
            throw new EngineException(EngineException.Kind.INVALID_SELECTOR, "invalid selector '" + selector + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close(Completion<Void> done) {
        FakeBroker b = broker();
        b.lock.lock();
        try {
            closeLocked();
        } finally {
            b.lock.unlock();
        }
        b.complete(done, null);
    }

    void closeLocked() {
        if (closed) {
            return;
        }
        closed = true;
        transactionSends.clear();
        for (FakeConsumer c : new ArrayList<>(consumers)) {
            c.closeLocked();
        }
        releaseLocked(new ArrayList<>(unacked), true);
        connection.sessions.remove(this);
    }
}
