package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.destination.Destinations;
import dev.ferrymq.engine.exec.Futures;
import dev.ferrymq.engine.persistence.Writes;
import dev.ferrymq.engine.queue.AckTimeoutListener;
import dev.ferrymq.engine.queue.Address;
import dev.ferrymq.engine.queue.Arrivals;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueDelivery;
import dev.ferrymq.engine.security.Access;
import dev.ferrymq.engine.security.Operation;
import dev.ferrymq.engine.topic.Subscription;
import dev.ferrymq.engine.topic.SubscriptionRegistry;
import dev.ferrymq.engine.topic.Topic;
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
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.SessionInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A session's engine side: routes sends (buffering them in a transaction), creates consumers and
 * hands deliveries back to their queues for acknowledgement or release.
 *
 * <p>Threading contract: the facade serializes calls of one session, but they may come from any
 * thread. No lock is taken: the destination cache is one immutable object in a plain field, the
 * transaction buffer and consumer set are concurrent collections (a connection close may run on
 * another thread), and queue state is changed only by tasks handed to each queue's executor.
 * Sends of one session reach each destination in call order. Every operation is checked against
 * the connection's {@link Access} before it touches a destination (a send when its route is
 * resolved, so also at send time in a transaction), and a refused one changes nothing.
 */
final class VmSession implements EngineSession, AckTimeoutListener {

    private static final ReleaseReason RECOVERED = ReleaseReason.of(ReleaseReason.Cause.RECOVER);
    private static final ReleaseReason ROLLED_BACK = ReleaseReason.of(ReleaseReason.Cause.ROLLBACK);

    private final VmConnection connection;
    private final BrokerContext broker;
    private final Access access;
    private final boolean transacted;
    private final Set<VmConsumer> consumers = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<PendingSend> transaction = new ConcurrentLinkedQueue<>();
    private final SendGate gate;
    /**
     * AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE: the facade does not wait for acknowledgements, so
     * their deletes are written in the background (with the store's next sync); CLIENT and
     * individual acknowledgements return only once on disk, so they force their own.
     */
    private final boolean backgroundAcks;
    private volatile boolean closed;
    /** The last destination sent to; immutable, so a racy read sees a consistent pair. */
    private Route route;

    private record PendingSend(MessageData message, Address address) {
    }

    private record Route(DestinationRef ref, Address address) {
    }

    VmSession(VmConnection connection, SessionInfo info) {
        this.connection = connection;
        this.broker = connection.broker();
        this.access = connection.access();
        this.transacted = info.transacted();
        this.backgroundAcks = info.ackMode() == AckMode.AUTO || info.ackMode() == AckMode.DUPS_OK;
        this.gate = new SendGate(broker.runtime());
    }

    @Override
    public void send(MessageData message, Completion<Void> done) {
        if (closed) {
            done.fail(EngineException.illegalState("session is closed"));
            return;
        }
        Address address;
        try {
            access.limits().checkMessage(message);
            address = resolve(message.destination());
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        if (transacted) {
            transaction.add(new PendingSend(message, address));
            done.complete(null);
            return;
        }
        gate.submit(new Send(message, address, done));
    }

    /** A non-transacted send, carried out once its queues have room (see {@link SendGate}). */
    private final class Send implements SendGate.Attempt {
        private final MessageData message;
        private final Address address;
        private final Completion<Void> done;

        Send(MessageData message, Address address, Completion<Void> done) {
            this.message = message;
            this.address = address;
            this.done = done;
        }

        @Override
        public MessageQueue blockedOn() {
            return address.blockedOn(message, connection);
        }

        @Override
        public void proceed() {
            if (message.persistent()) {
                broker.store().send(address, message, connection, done);
            } else {
                address.publish(message, connection);
                done.complete(null);
            }
        }

        @Override
        public void fail(EngineException error) {
            done.fail(error);
        }

        @Override
        public long sendTimeout() {
            return broker.limits(address.ref().name()).sendTimeout();
        }
    }

    @Override
    public void createConsumer(ConsumerInfo info, DeliverySink sink, Completion<EngineConsumer> done) {
        Selector selector;
        DestinationRef ref = info.destination();
        try {
            ensureOpen();
            selector = parse(info.selector());
            if (ref == null) {
                throw EngineException.invalidDestination("a consumer needs a destination");
            }
            if (!ref.isTemporary()) {
                access.require(Operation.CONSUME, ref);
            }
            if (!ref.isQueue() && (info.durable() || info.shared())) {
                access.require(Operation.CREATE_SUBSCRIPTION, ref);
            }
            connection.reserveConsumer();
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        try {
            if (ref.isQueue()) {
                MessageQueue q = broker.destinations().queueForConsumer(ref, connection);
                start(new VmConsumer(this, q, null, null, sink, selector, info), done);
                return;
            }
        } catch (EngineException e) {
            connection.releaseConsumer();
            done.fail(e);
            return;
        }
        attachToTopic(info, selector, sink, done);
    }

    /** A topic consumer: its subscription comes from the broker's registry, asynchronously. */
    private void attachToTopic(ConsumerInfo info, Selector selector, DeliverySink sink, Completion<EngineConsumer> done) {
        Topic t;
        try {
            t = broker.destinations().topicForConsumer(info.destination(), connection);
        } catch (EngineException e) {
            connection.releaseConsumer();
            done.fail(e);
            return;
        }
        SubscriptionRegistry registry = broker.subscriptions();
        registry.attach(t, info, selector, connection, connection.clientId(), new Completion<>() {
            @Override
            public void complete(Subscription s) {
                try {
                    ensureOpen();
                } catch (EngineException closed) {
                    registry.detach(s);
                    connection.releaseConsumer();
                    done.fail(closed);
                    return;
                }
                start(new VmConsumer(VmSession.this, s.queue(), s, registry, sink, null, info), done);
            }

            @Override
            public void fail(EngineException error) {
                connection.releaseConsumer();
                done.fail(error);
            }
        });
    }

    private void start(VmConsumer c, Completion<EngineConsumer> done) {
        consumers.add(c);
        c.start(done);
    }

    @Override
    public void browse(DestinationRef queue, String selector, Completion<List<MessageData>> done) {
        try {
            ensureOpen();
            Selector s = parse(selector);
            access.require(Operation.BROWSE, queue);
            MessageQueue q = broker.destinations().queueForBrowse(queue);
            if (q == null) {
                done.complete(List.of());
            } else {
                q.scans().browse(s, done);
            }
        } catch (EngineException e) {
            done.fail(e);
        }
    }

    @Override
    public void acknowledge(List<? extends Delivery> deliveries, Completion<Void> done) {
        List<QueueDelivery> owned;
        try {
            owned = DeliveryBatches.own(deliveries, this);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        DeliveryBatches.acknowledge(owned, backgroundAcks, done);
    }

    @Override
    public void acknowledge(Delivery delivery, Completion<Void> done) {
        QueueDelivery d;
        try {
            d = DeliveryBatches.own(delivery, this);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        d.queue().acknowledge(List.of(d), backgroundAcks, done);
    }

    @Override
    public void release(List<? extends Delivery> deliveries, boolean delivered, Completion<Void> done) {
        release(deliveries, delivered ? RECOVERED : null, done);
    }

    @Override
    public void release(List<? extends Delivery> deliveries, ReleaseReason reason, Completion<Void> done) {
        try {
            DeliveryBatches.release(DeliveryBatches.own(deliveries, this), reason);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        done.complete(null);
    }

    /** Local redelivery ({@link MessageQueue#redeliver}): always taken. */
    @Override
    public void redeliver(List<? extends Delivery> deliveries, ReleaseReason reason, Completion<Boolean> done) {
        List<QueueDelivery> owned;
        try {
            owned = DeliveryBatches.own(deliveries, this);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        DeliveryBatches.redeliver(owned, reason, new Completion<>() {
            @Override
            public void complete(Void result) {
                done.complete(true);
            }

            @Override
            public void fail(EngineException error) {
                done.fail(error);
            }
        });
    }

    @Override
    public void ackTimedOut(String queueName, String messageId, long timeoutMillis) {
        connection.notifyFailure(EngineException.general("message " + messageId + " from " + queueName
                + " was not acknowledged within the acknowledgement timeout (" + timeoutMillis
                + " ms): it is redelivered to another consumer, and acknowledging it now has no effect"));
    }

    @Override
    public void commit(List<? extends Delivery> consumed, Completion<Void> done) {
        List<QueueDelivery> owned;
        List<PendingSend> sends;
        try {
            requireTransacted("commit");
            ensureOpen();
            owned = DeliveryBatches.own(consumed, this);
            sends = drainTransaction();
            for (PendingSend p : sends) {
                if (p.address().isDeleted()) {
                    throw new EngineException(EngineException.Kind.TRANSACTION_ROLLED_BACK, "transaction rolled back: "
                            + p.address().ref() + " was deleted before commit");
                }
            }
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        if (sends.isEmpty()) {
            commitWrites(owned, sends, done);
        } else {
            gate.submit(new Commit(owned, sends, done));
        }
    }

    /** A commit with sends: written once the queues they go to have room (see {@link SendGate}). */
    private final class Commit implements SendGate.Attempt {
        private final List<QueueDelivery> owned;
        private final List<PendingSend> sends;
        private final Completion<Void> done;

        Commit(List<QueueDelivery> owned, List<PendingSend> sends, Completion<Void> done) {
            this.owned = owned;
            this.sends = sends;
            this.done = done;
        }

        @Override
        public MessageQueue blockedOn() {
            for (PendingSend p : sends) {
                MessageQueue q = p.address().blockedOn(p.message(), connection);
                if (q != null) {
                    return q;
                }
            }
            return null;
        }

        @Override
        public void proceed() {
            commitWrites(owned, sends, done);
        }

        @Override
        public void fail(EngineException error) {
            DeliveryBatches.release(owned, ROLLED_BACK);
            done.fail(new EngineException(EngineException.Kind.TRANSACTION_ROLLED_BACK,
                    "transaction rolled back: " + error.getMessage(), error));
        }

        @Override
        public long sendTimeout() {
            return broker.limits(sends.get(0).address().ref().name()).sendTimeout();
        }
    }

    /**
     * Writes the transaction as one atomic batch (its PERSISTENT sends to durable queues and the
     * deletes of what it consumed); once durable, acknowledges and enqueues in memory and completes.
     */
    private void commitWrites(List<QueueDelivery> owned, List<PendingSend> sends, Completion<Void> done) {
        List<QueueDelivery> stored = null;
        for (QueueDelivery d : owned) {
            if (d.storeId() != 0) {
                if (stored == null) {
                    stored = new ArrayList<>(owned.size());
                }
                stored.add(d);
            }
        }
        if (stored == null) {
            writeCommit(owned, List.of(), sends, done);
            return;
        }
        DeliveryBatches.claimForCommit(stored, new Completion<>() {
            @Override
            public void complete(List<QueueDelivery> current) {
                writeCommit(owned, current, sends, done);
            }

            @Override
            public void fail(EngineException error) {
                done.fail(error);
            }
        });
    }

    /**
     * Writes the transaction's sends and the deletes of the stored messages in {@code deletes}
     * (those of {@code owned} still current) as one batch; once durable, acknowledges
     * {@code owned} in memory and enqueues the sends.
     */
    private void writeCommit(List<QueueDelivery> owned, List<QueueDelivery> deletes, List<PendingSend> sends,
                             Completion<Void> done) {
        Writes writes = broker.store().writes();
        Arrivals arrivals = new Arrivals();
        List<MessageQueue> to = new ArrayList<>(2);
        for (PendingSend p : sends) {
            to.clear();
            p.address().route(p.message(), connection, to);
            for (MessageQueue q : to) {
                arrivals.add(q, p.message(), writes.add(q, p.message()));
            }
        }
        for (QueueDelivery d : deletes) {
            writes.delete(d.storeId());
        }
        writes.commit(true, () -> {
            DeliveryBatches.acknowledgeCommitted(owned);
            arrivals.enqueue();
        }, done);
    }

    @Override
    public void rollback(List<? extends Delivery> consumed, Completion<Void> done) {
        try {
            requireTransacted("rollback");
            ensureOpen();
            var owned = DeliveryBatches.own(consumed, this);
            transaction.clear();
            DeliveryBatches.release(owned, ROLLED_BACK);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        done.complete(null);
    }

    @Override
    public void close(Completion<Void> done) {
        if (closed) {
            done.complete(null);
            return;
        }
        closed = true;
        transaction.clear();
        gate.failAll(EngineException.illegalState("session closed while a send waited for space in a full queue"));
        List<CompletableFuture<?>> closes = new ArrayList<>();
        for (VmConsumer c : consumers) {
            closes.add(c.closeWithSession());
        }
        Futures.all(closes).whenComplete((v, t) -> {
            connection.sessionClosed(this);
            done.complete(null);
        });
    }

    /** A consumer stopped being open (closed, or failed to start): it no longer counts against the limit. */
    void consumerClosed() {
        connection.releaseConsumer();
    }

    /** A consumer is closed and its deliveries settled: nothing left to release at session close. */
    void forget(VmConsumer c) {
        consumers.remove(c);
    }

    private Address resolve(DestinationRef ref) {
        Route r = route;
        if (r != null && r.ref().equals(ref) && !r.address().isDeleted()) {
            return r.address();
        }
        access.require(Operation.SEND, ref);
        Address a = broker.destinations().forSend(ref);
        route = new Route(ref, a);
        return a;
    }

    private List<PendingSend> drainTransaction() {
        List<PendingSend> out = new ArrayList<>();
        PendingSend p;
        while ((p = transaction.poll()) != null) {
            out.add(p);
        }
        return out;
    }

    private void requireTransacted(String what) {
        if (!transacted) {
            throw EngineException.illegalState("cannot " + what + ": the session is not transacted");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw EngineException.illegalState("session is closed");
        }
    }

    static Selector parse(String selector) {
        try {
            return Selector.parse(selector);
        } catch (SelectorSyntaxException e) {
            throw new EngineException(EngineException.Kind.INVALID_SELECTOR,
                    "invalid message selector '" + selector + "': " + e.getMessage(), e);
        }
    }
}
