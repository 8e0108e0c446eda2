package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.destination.Destinations;
import dev.ferrymq.engine.exec.Futures;
import dev.ferrymq.engine.queue.AckTimeoutListener;
import dev.ferrymq.engine.queue.Address;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueDelivery;
import dev.ferrymq.engine.queue.QueueLimits;
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

/**
 * A session's engine side: routes sends (buffering them in a transaction), creates consumers and
 * hands deliveries back to their queues for acknowledgement or release.
 * It sees its connection as a {@link VmSessionConnection}; its consumers see it as a
 * {@link VmConsumerSession}.
 *
 * <p>Threading contract: the facade serializes calls of one session, but they may come from any
 * thread. No lock is taken: the destination cache is one immutable object in a plain field, the
 * transaction buffer and consumer set are concurrent collections (a connection close may run on
 * another thread), and queue state is changed only by tasks handed to each queue's executor.
 * Sends of one session reach each destination in call order. Every operation is checked against
 * the connection's {@link Access} before it touches a destination (a send when its route is
 * resolved, so also at send time in a transaction), and a refused one changes nothing.
 */
final class VmSession implements EngineSession, AckTimeoutListener, VmConsumerSession {

    private final VmSessionConnection connection;
    private final BrokerContext broker;
    private final Access access;
    private final boolean transacted;
    private final Set<VmConsumer> consumers = ConcurrentHashMap.newKeySet();
    private final SendGate gate;
    /** The local transaction of a transacted session, else {@code null}. */
    private final LocalTransaction transaction;
    /**
     * AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE: the facade does not wait for acknowledgements, so
     * their deletes are written in the background (with the store's next sync); CLIENT and
     * individual acknowledgements return only once on disk, so they force their own.
     */
    private final boolean backgroundAcks;
    private volatile boolean closed;
    /** The last destination sent to; immutable, so a racy read sees a consistent pair. */
    private Route route;

    private record Route(DestinationRef ref, Address address) {
    }

    VmSession(VmSessionConnection connection, SessionInfo info) {
        this.connection = connection;
        this.broker = connection.broker();
        this.access = connection.access();
        this.transacted = info.transacted();
        this.backgroundAcks = info.ackMode() == AckMode.AUTO || info.ackMode() == AckMode.DUPS_OK;
        this.gate = new SendGate(broker.runtime());
        this.transaction = transacted ? new LocalTransaction(broker, connection, gate) : null;
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
            transaction.add(message, address);
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
        public QueueLimits blockedOn() {
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
    public void releaseUnseen(List<? extends Delivery> deliveries, Completion<Void> done) {
        release(deliveries, null, done);
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

    /** Local redelivery ({@link MessageQueue#redeliver}). */
    @Override
    public void redeliver(List<? extends Delivery> deliveries, ReleaseReason reason, Completion<Void> done) {
        List<QueueDelivery> owned;
        try {
            owned = DeliveryBatches.own(deliveries, this);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        DeliveryBatches.redeliver(owned, reason, done);
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
        try {
            requireTransacted("commit");
            ensureOpen();
            owned = DeliveryBatches.own(consumed, this);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        transaction.commit(owned, done);
    }

    @Override
    public void rollback(List<? extends Delivery> consumed, ReleaseReason reason, Completion<Void> done) {
        List<QueueDelivery> owned;
        try {
            requireTransacted("rollback");
            ensureOpen();
            owned = DeliveryBatches.own(consumed, this);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        transaction.rollback(owned, reason, done);
    }

    @Override
    public void close(Completion<Void> done) {
        if (closed) {
            done.complete(null);
            return;
        }
        closed = true;
        if (transaction != null) {
            transaction.clear();
        }
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

    @Override
    public void consumerClosed() {
        connection.releaseConsumer();
    }

    @Override
    public void forget(EngineConsumer c) {
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
