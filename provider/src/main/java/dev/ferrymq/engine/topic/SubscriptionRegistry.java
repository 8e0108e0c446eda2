package dev.ferrymq.engine.topic;

import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.engine.queue.QueueFactory;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A broker's topic subscriptions: creates, shares, replaces and removes them by the rules of
 * "Creating a consumer on a topic" (8.3.1 to 8.3.4) and {@code Session.unsubscribe}.
 *
 * <p>Durable subscriptions (shared or not) are keyed by (client ID or none, name) in one map, so a
 * shared and an unshared durable subscription cannot share a key; shared non-durable ones are keyed
 * the same way in a separate map ("completely separate" from durable ones).
 *
 * <p>Threading contract: one owner. Every public method may be called from any thread; it enqueues
 * its work on the registry's own serial executor, which alone touches the maps, the topics'
 * subscription arrays, the consumer counts and the store's subscription records (plain fields,
 * no lock), and reports through a {@link Completion}. Publishers read a topic's subscription
 * array lock-free. Nothing here runs on send or dispatch.
 */
public final class SubscriptionRegistry {

    private record Key(String clientId, String name) {
    }

    /** Makes subscriptions' queues, under the policy of their topic. */
    private final QueueFactory queues;
    /** The owner of everything below. */
    private final SerialExecutor owner;
    private final Map<Key, Subscription> durable = new HashMap<>();
    private final Map<Key, Subscription> shared = new HashMap<>();
    private long privateIds;
    /** Set once at broker start, before any subscription exists; null keeps subscriptions in memory. */
    private volatile SubscriptionStore store;

    /** @param control the broker's control executor: the owner of the registry's state */
    public SubscriptionRegistry(SerialExecutor control, QueueFactory queues) {
        this.queues = queues;
        this.owner = control;
    }

    /** Records durable subscriptions and their messages in {@code store}; call at broker start. */
    public void persistTo(SubscriptionStore store) {
        this.store = store;
    }

    /**
     * Recreates a durable subscription found in the store at broker start (it is not written
     * again). Waits for the registry's executor: for the starting thread only.
     */
    public Subscription restoreDurable(Topic topic, SubscriptionKind kind, String clientId, String name, Selector selector,
                                       boolean noLocal) {
        CompletableFuture<Subscription> restored = new CompletableFuture<>();
        owner.execute(() -> {
            Subscription s = create(topic, kind, clientId, name, selector, noLocal, null, false);
            durable.put(new Key(clientId, name), s);
            restored.complete(s);
        });
        try {
            return restored.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EngineException.general("interrupted while restoring subscription '" + name + "'");
        } catch (ExecutionException | TimeoutException e) {
            throw EngineException.general("could not restore subscription '" + name + "': " + e);
        }
    }

    /**
     * Finds or creates the subscription a new topic consumer reads and counts the consumer in;
     * {@code done} gets it, or ILLEGAL_STATE or INVALID_DESTINATION as the spec asks.
     *
     * @param connection the consumer's connection (for noLocal)
     * @param clientId   the connection's client ID, or {@code null}
     */
    public void attach(Topic topic, ConsumerInfo info, Selector selector, Publisher connection, String clientId,
                       Completion<Subscription> done) {
        SubscriptionKind kind = kindOf(info);
        owner.execute(() -> {
            Subscription s;
            try {
                if (topic.isDeleted()) {
                    throw EngineException.invalidDestination(topic.ref() + " has been deleted");
                }
                s = switch (kind) {
                    case PRIVATE -> create(topic, kind, clientId, null, selector, info.noLocal(), connection, true);
                    case SHARED -> attachShared(topic, info, selector, clientId);
                    case DURABLE, SHARED_DURABLE -> attachDurable(topic, kind, info, selector, clientId);
                };
            } catch (EngineException e) {
                done.fail(e);
                return;
            }
            s.consumers++;
            done.complete(s);
        });
    }

    /** A consumer of {@code s} closed; a non-durable subscription goes when its last consumer does. */
    public void detach(Subscription s) {
        owner.execute(() -> {
            s.consumers--;
            if (s.consumers == 0 && !s.durable()) {
                if (s.kind() == SubscriptionKind.SHARED) {
                    shared.remove(new Key(s.clientId(), s.name()), s);
                }
                remove(s);
            }
        });
    }

    /**
     * Deletes the durable subscription {@code name} of {@code clientId} (see
     * {@code EngineConnection.unsubscribe}). While its queue is being deleted the subscription is
     * marked, so no consumer attaches to it in between.
     */
    public void unsubscribe(String clientId, String name, Completion<Void> done) {
        unsubscribe(clientId, name, topic -> { }, done);
    }

    /**
     * {@link #unsubscribe(String, String, Completion)} once {@code permit} accepts the
     * subscription's topic; when it throws, the subscription stays and {@code done} fails with its error.
     */
    public void unsubscribe(String clientId, String name, Consumer<DestinationRef> permit,
                            Completion<Void> done) {
        Key key = new Key(clientId, name);
        owner.execute(() -> {
            Subscription s = durable.get(key);
            if (s == null || s.unsubscribing) {
                done.fail(EngineException.invalidDestination("no durable subscription named '" + name + "'"
                        + (clientId == null ? " without client ID" : " for client ID '" + clientId + "'")));
                return;
            }
            try {
                permit.accept(s.topic().ref());
            } catch (EngineException refused) {
                done.fail(refused);
                return;
            }
            if (s.consumers > 0) {
                done.fail(EngineException.illegalState("cannot unsubscribe '" + name + "': it has an active consumer"));
                return;
            }
            s.unsubscribing = true;
            s.queue().deleteIfIdle(() -> true, new Completion<>() {
                @Override
                public void complete(Void result) {
                    owner.execute(() -> {
                        durable.remove(key, s);
                        s.topic().remove(s);
                        SubscriptionStore st = store;
                        if (st != null) {
                            st.removed(s);
                        }
                        done.complete(null);
                    });
                }

                @Override
                public void fail(EngineException error) {
                    owner.execute(() -> {
                        s.unsubscribing = false;
                        done.fail(error);
                    });
                }
            });
        });
    }

    /**
     * Management: deletes the durable subscription whose queue is {@code queue}, as
     * {@link #unsubscribe} does; ILLEGAL_STATE for a non-durable one (it ends with its consumers).
     */
    public void unsubscribeQueue(MessageQueue queue, Completion<Void> done) {
        owner.execute(() -> {
            Subscription found = null;
            for (Subscription s : durable.values()) {
                if (s.queue() == queue) {
                    found = s;
                }
            }
            if (found == null) {
                done.fail(EngineException.illegalState("cannot delete " + queue.name()
                        + ": it is not a durable subscription (a non-durable one ends with its last consumer)"));
                return;
            }
            unsubscribe(found.clientId(), found.name(), done);
        });
    }

    /** Deletes a temporary topic: ILLEGAL_STATE while a consumer is open on it. */
    public void deleteTopic(Topic topic, Completion<Void> done) {
        owner.execute(() -> {
            if (topic.subscriptions().length > 0) {
                done.fail(EngineException.illegalState("cannot delete " + topic.ref()
                        + ": a consumer is still open on it"));
                return;
            }
            topic.markDeleted();
            done.complete(null);
        });
    }

    /**
     * Deletes a topic and all its subscriptions, whatever their state (connection close, broker
     * stop). The topic is marked deleted at once, so a send that follows the caller's return is
     * refused; its subscriptions go on the registry's executor.
     */
    public void forceDelete(Topic topic, EngineException reason) {
        topic.markDeleted();
        owner.execute(() -> {
            for (FanOutTarget s : topic.subscriptions()) {
                durable.values().remove(s);
                shared.values().remove(s);
                topic.remove(s);
                s.queue().close(reason);
            }
        });
    }

    /** The queues of all subscriptions of {@code topic} (for the expiry sweeper); any thread. */
    public static List<MessageQueue> queuesOf(Topic topic) {
        List<MessageQueue> out = new ArrayList<>();
        for (FanOutTarget s : topic.subscriptions()) {
            out.add(s.queue());
        }
        return out;
    }

    private static SubscriptionKind kindOf(ConsumerInfo info) {
        if (info.durable()) {
            return info.shared() ? SubscriptionKind.SHARED_DURABLE : SubscriptionKind.DURABLE;
        }
        return info.shared() ? SubscriptionKind.SHARED : SubscriptionKind.PRIVATE;
    }

    private Subscription attachShared(Topic topic, ConsumerInfo info, Selector selector, String clientId) {
        String name = requireName(info);
        Key key = new Key(clientId, name);
        Subscription s = shared.get(key);
        if (s != null && !s.sameAs(topic, selector, false)) {
            throw EngineException.illegalState("shared subscription '" + name + "' already has an active consumer "
                    + "on a different topic or with a different selector");
        }
        if (s == null) {
            s = create(topic, SubscriptionKind.SHARED, clientId, name, selector, false, null, true);
            shared.put(key, s);
        }
        return s;
    }

    private Subscription attachDurable(Topic topic, SubscriptionKind kind, ConsumerInfo info, Selector selector, String clientId) {
        String name = requireName(info);
        if (topic.ref().isTemporary()) {
            throw EngineException.invalidDestination("a durable subscription cannot be created on temporary topic "
                    + topic.ref().name());
        }
        if (kind == SubscriptionKind.DURABLE && clientId == null) {
            throw EngineException.illegalState("an unshared durable subscription ('" + name
                    + "') requires the connection's client ID to be set");
        }
        boolean noLocal = kind == SubscriptionKind.DURABLE && info.noLocal();
        Key key = new Key(clientId, name);
        Subscription s = durable.get(key);
        if (s != null && s.unsubscribing) {
            throw EngineException.illegalState("durable subscription '" + name + "' is being unsubscribed");
        }
        if (s != null) {
            if (s.kind() != kind) {
                throw EngineException.illegalState((s.kind() == SubscriptionKind.SHARED_DURABLE ? "a shared" : "an unshared")
                        + " durable subscription named '" + name + "' already exists for this client ID");
            }
            if (kind == SubscriptionKind.DURABLE && s.consumers > 0) {
                throw EngineException.illegalState("unshared durable subscription '" + name
                        + "' already has an active consumer");
            }
            if (!s.sameAs(topic, selector, noLocal)) {
                if (s.consumers > 0) {
                    throw EngineException.illegalState("shared durable subscription '" + name + "' has an active "
                            + "consumer on a different topic or with a different selector");
                }
                durable.remove(key);
                SubscriptionStore st = store;
                if (st != null) {
                    st.removed(s);
                }
                remove(s);
                s = null;
            }
        }
        if (s == null) {
            s = create(topic, kind, clientId, name, selector, noLocal, null, true);
            durable.put(key, s);
        }
        return s;
    }

    private Subscription create(Topic topic, SubscriptionKind kind, String clientId, String name, Selector selector,
                                boolean noLocal, Publisher connection, boolean record) {
        assert owner.isCurrentThread() : "subscriptions change on the registry's executor only";
        String queueName = topic.ref().name() + "::" + switch (kind) {
            case PRIVATE -> "private-" + ++privateIds;
            case SHARED -> "shared:" + clientId + ":" + name;
            case DURABLE, SHARED_DURABLE -> "durable:" + clientId + ":" + name;
        };
        MessageQueue queue = queues.create(topic.ref(), queueName);
        Subscription s = new Subscription(topic, kind, clientId, name, selector, noLocal, connection, queue);
        SubscriptionStore st = store;
        if (st != null && s.durable()) {
            queue.persistTo(st.queues());
            if (record) {
                st.created(s);
            }
        }
        topic.add(s);
        return s;
    }

    private void remove(Subscription s) {
        assert owner.isCurrentThread() : "subscriptions change on the registry's executor only";
        s.topic().remove(s);
        s.queue().close(null);
    }

    private static String requireName(ConsumerInfo info) {
        String name = info.subscriptionName();
        if (name == null || name.isEmpty()) {
            throw EngineException.general("a " + (info.durable() ? "durable" : "shared")
                    + " subscription needs a subscription name");
        }
        return name;
    }
}
