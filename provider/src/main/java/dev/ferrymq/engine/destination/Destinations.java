package dev.ferrymq.engine.destination;

import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.engine.queue.Address;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueFactory;
import dev.ferrymq.engine.queue.QueueStore;
import dev.ferrymq.engine.topic.SubscriptionRegistry;
import dev.ferrymq.engine.topic.Topic;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A broker's destinations by name: queues and topics created on first use, and temporary queues and
 * topics owned by the connection that created them ("Creating temporary destinations").
 *
 * <p>Threading contract: thread-safe; lookups are lock-free map reads (sessions also cache their
 * last destination). Temporary destinations are added and removed only on the broker's control
 * executor (asserted), their one owner; removed only after they are deleted.
 */
public final class Destinations {

    /** A temporary destination and the connection that owns it. */
    private record Temporary(Object owner, Address address) {
    }

    private final QueueFactory factory;
    private final SerialExecutor control;
    private final SubscriptionRegistry subscriptions;
    private final ConcurrentHashMap<String, MessageQueue> queues = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Temporary> temporaries = new ConcurrentHashMap<>();
    /** Set once at broker start, before any queue exists; null keeps queues in memory only. */
    private QueueStore store;

    /** @param control the broker's control executor: the owner of the temporary destinations */
    public Destinations(SerialExecutor control, SubscriptionRegistry subscriptions, QueueFactory factory) {
        this.factory = factory;
        this.control = control;
        this.subscriptions = subscriptions;
    }

    /** Queue destination {@code queueName}, created on first use: where dead letters and expired messages go. */
    public MessageQueue queueForForward(String queueName) {
        return queue(DestinationRef.queue(queueName));
    }

    /** The queue named {@code name} (a queue destination, a temporary queue or a subscription's queue), or {@code null}. */
    public MessageQueue findQueue(String name) {
        MessageQueue q = queues.get(name);
        if (q != null) {
            return q;
        }
        MessageQueue[] found = new MessageQueue[1];
        forEachQueue(x -> {
            if (found[0] == null && x.name().equals(name)) {
                found[0] = x;
            }
        });
        return found[0];
    }

    /** Queue destinations (not temporary queues) write their PERSISTENT messages to {@code store}. */
    public void persistTo(QueueStore store) {
        this.store = store;
    }

    /** Where a send to {@code ref} goes; INVALID_DESTINATION for a deleted temporary destination. */
    public Address forSend(DestinationRef ref) {
        return switch (ref.type()) {
            case QUEUE -> queue(ref);
            case TOPIC -> topic(ref);
            case TEMPORARY_QUEUE, TEMPORARY_TOPIC -> temporary(ref).address();
        };
    }

    /** The queue a consumer on {@code ref} reads; a temporary one only for its own connection. */
    public MessageQueue queueForConsumer(DestinationRef ref, Object connection) {
        if (ref.type() == dev.ferrymq.spi.DestinationType.QUEUE) {
            return queue(ref);
        }
        return (MessageQueue) owned(ref, connection).address();
    }

    /** The topic a consumer on {@code ref} subscribes to; a temporary one only for its own connection. */
    public Topic topicForConsumer(DestinationRef ref, Object connection) {
        if (ref.type() == dev.ferrymq.spi.DestinationType.TOPIC) {
            return topic(ref);
        }
        return (Topic) owned(ref, connection).address();
    }

    /** The queue to browse, or {@code null} when a (non-temporary) queue of that name never existed. */
    public MessageQueue queueForBrowse(DestinationRef ref) {
        if (!ref.isQueue()) {
            throw EngineException.invalidDestination("only queues can be browsed, not " + ref);
        }
        return ref.isTemporary() ? (MessageQueue) temporary(ref).address() : queues.get(ref.name());
    }

    /** Registers a new temporary destination owned by {@code owner}; on the control executor. */
    public void createTemporary(DestinationRef ref, Object owner) {
        assert control.isCurrentThread() : "temporary destinations change on the broker's control executor only";
        Address a = ref.isQueue() ? factory.create(ref, ref.name())
                : new Topic(ref);
        if (temporaries.putIfAbsent(ref.name(), new Temporary(owner, a)) != null) {
            throw EngineException.general("temporary destination name clash: " + ref.name());
        }
    }

    /**
     * Deletes a temporary destination of {@code owner}: INVALID_DESTINATION when it is not the
     * owner's or already gone, ILLEGAL_STATE while a consumer is open on it. Completes on the
     * control executor, once it is removed.
     */
    public void deleteTemporary(DestinationRef ref, Object owner, Completion<Void> done) {
        Temporary t;
        try {
            t = owned(ref, owner);
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        if (t.address() instanceof MessageQueue q) {
            q.deleteIfUnused(new Completion<>() {
                @Override
                public void complete(Void result) {
                    removed(ref, t, done);
                }

                @Override
                public void fail(EngineException error) {
                    done.fail(error);
                }
            });
        } else {
            subscriptions.deleteTopic((Topic) t.address(), new Completion<>() {
                @Override
                public void complete(Void result) {
                    removed(ref, t, done);
                }

                @Override
                public void fail(EngineException error) {
                    done.fail(error);
                }
            });
        }
    }

    private void removed(DestinationRef ref, Temporary t, Completion<Void> done) {
        control.execute(() -> {
            temporaries.remove(ref.name(), t);
            done.complete(null);
        });
    }

    /** Deletes a temporary destination whatever its state (its connection closed); on the control executor. */
    public void dropTemporary(DestinationRef ref, EngineException reason) {
        assert control.isCurrentThread() : "temporary destinations change on the broker's control executor only";
        Temporary t = temporaries.remove(ref.name());
        if (t != null) {
            closeAddress(t.address(), reason);
        }
    }

    /** Calls {@code action} with every queue, including topic subscriptions. */
    public void forEachQueue(Consumer<MessageQueue> action) {
        queues.values().forEach(action);
        for (Topic t : topics.values()) {
            SubscriptionRegistry.queuesOf(t).forEach(action);
        }
        for (Temporary t : temporaries.values()) {
            if (t.address() instanceof MessageQueue q) {
                action.accept(q);
            } else {
                SubscriptionRegistry.queuesOf((Topic) t.address()).forEach(action);
            }
        }
    }

    /**
     * Management: deletes queue destination {@code q} if it has no consumer and no unacknowledged
     * delivery (ILLEGAL_STATE otherwise), its messages with it; a later send creates it afresh. A
     * temporary queue is refused (ILLEGAL_STATE): its connection deletes it.
     */
    public void deleteQueue(MessageQueue q, Completion<Void> done) {
        if (queues.get(q.name()) != q) {
            done.fail(EngineException.illegalState("cannot delete " + q.name()
                    + ": it is not a queue destination of this broker (a temporary queue is deleted by its connection)"));
            return;
        }
        q.deleteIfIdle(() -> queues.remove(q.name(), q), done);
    }

    /** Deletes everything; consumers get {@code onClosed(reason)} (broker stop). */
    public void closeAll(EngineException reason) {
        queues.values().forEach(q -> q.close(reason));
        topics.values().forEach(t -> subscriptions.forceDelete(t, reason));
        temporaries.values().forEach(t -> closeAddress(t.address(), reason));
    }

    private void closeAddress(Address a, EngineException reason) {
        if (a instanceof MessageQueue q) {
            q.close(reason);
        } else {
            subscriptions.forceDelete((Topic) a, reason);
        }
    }

    private MessageQueue queue(DestinationRef ref) {
        MessageQueue q = queues.get(ref.name());
        return q != null ? q : queues.computeIfAbsent(ref.name(), n -> {
            MessageQueue created = factory.create(ref, n);
            if (store != null) {
                created.persistTo(store);
            }
            return created;
        });
    }

    private Topic topic(DestinationRef ref) {
        Topic t = topics.get(ref.name());
        return t != null ? t : topics.computeIfAbsent(ref.name(), n -> new Topic(ref));
    }

    private Temporary temporary(DestinationRef ref) {
        Temporary t = temporaries.get(ref.name());
        if (t == null || t.address().ref().type() != ref.type()) {
            throw EngineException.invalidDestination(kind(ref) + " '" + ref.name() + "' does not exist (it was deleted "
                    + "or its connection closed)");
        }
        return t;
    }

    private Temporary owned(DestinationRef ref, Object connection) {
        Temporary t = temporary(ref);
        if (t.owner() != connection) {
            throw EngineException.invalidDestination(kind(ref) + " '" + ref.name() + "' belongs to another connection: "
                    + "only the connection that created it may consume from or delete it");
        }
        return t;
    }

    private static String kind(DestinationRef ref) {
        return ref.isQueue() ? "temporary queue" : "temporary topic";
    }
}
