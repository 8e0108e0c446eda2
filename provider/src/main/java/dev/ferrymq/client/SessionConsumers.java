package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.ConsumerInfo;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's consumers: their creation by the rules of "Creating a consumer on a queue/topic"
 * and "Durable subscriptions" ({@link ConsumerRules} and the connection's client ID), having
 * them follow the connection's start and stop, waking them when the connection starts, and
 * closing them with the session. A consumer leaves the set through the callback it gets at
 * creation when it closes. (How many have message listeners is counted by {@link SessionCore}.)
 *
 * <p>Thread-safe: the set is lock-free; creation is for the session's thread of control.
 */
final class SessionConsumers {

    private final ConsumerSession session;
    private final Set<FerryMessageConsumer> consumers = ConcurrentHashMap.newKeySet();

    /** @param session the session, as the consumers made here see it */
    SessionConsumers(ConsumerSession session) {
        this.session = session;
    }

    /** The live set, for recover, commit and rollback. */
    Collection<FerryMessageConsumer> all() {
        return consumers;
    }

    /** A new consumer; {@code subscription} is null for none, else a checked subscription name. */
    FerryMessageConsumer create(Destination destination, String selector, boolean noLocal, String subscription,
                                boolean durable, boolean shared) throws JMSException {
        session.checkOpen();
        SessionConnection connection = session.connection();
        int prefetch = connection.options().prefetch();
        ConsumerInfo info = ConsumerRules.info(connection.temporaryDestinationOwner(), destination, selector, noLocal,
                subscription, durable, shared, prefetch);
        FerryMessageConsumer c = new FerryMessageConsumer(session, destination, info.selector(), noLocal, prefetch,
                consumers::remove);
        c.open(info);
        consumers.add(c);
        c.catchUpWithConnection();
        return c;
    }

    /**
     * A consumer on a subscription (shared, durable or both). The topic is checked first, then the
     * name, then, for an unshared durable subscription, the connection's client ID: a null or
     * foreign topic is an {@code InvalidDestinationException} whatever else is missing.
     */
    FerryMessageConsumer createSubscription(Topic topic, String name, String selector, boolean noLocal, boolean durable,
                                            boolean shared) throws JMSException {
        session.checkOpen();
        FerryDestination.own(topic);
        String subscription = ConsumerRules.subscriptionName(name);
        if (durable && !shared && session.connection().currentClientId() == null) {
            throw new IllegalStateException("an unshared durable subscription needs the connection's client ID, "
                    + "which is not set (see \"Client identifier\")");
        }
        return create(topic, selector, noLocal, subscription, durable, shared);
    }

    /**
     * The connection started or stopped: each consumer resumes or suspends its engine side; returns
     * the consumers whose suspension began now, with it, for {@link #handBackAfterStop}.
     */
    List<Map.Entry<FerryMessageConsumer, SyncCompletion<Void>>> followConnection() {
        List<Map.Entry<FerryMessageConsumer, SyncCompletion<Void>>> suspending = new ArrayList<>();
        for (FerryMessageConsumer c : consumers) {
            SyncCompletion<Void> s = c.followConnection();
            if (s != null) {
                suspending.add(Map.entry(c, s));
            }
        }
        return suspending;
    }

    /**
     * Once the consumers stopped by {@link #followConnection} are suspended, hands back what they
     * prefetched; returns {@code failure}, else the first failure, else null.
     */
    static JMSException handBackAfterStop(List<Map.Entry<FerryMessageConsumer, SyncCompletion<Void>>> suspending,
                                          JMSException failure) {
        for (Map.Entry<FerryMessageConsumer, SyncCompletion<Void>> e : suspending) {
            try {
                e.getValue().await();
                e.getKey().handBackPrefetched();
            } catch (JMSException ex) {
                failure = failure == null ? ex : failure;
            }
        }
        return failure;
    }

    /** The connection started: blocked receives and listeners may take what is buffered. */
    void wakeAll() {
        for (FerryMessageConsumer c : consumers) {
            c.wakeReceivers();
        }
    }

    /** Closes every consumer; returns {@code failure}, else the first close failure, else null. */
    JMSException closeAll(JMSException failure) {
        for (FerryMessageConsumer c : new ArrayList<>(consumers)) {
            try {
                c.closeForSession();
            } catch (JMSException e) {
                failure = failure == null ? e : failure;
            }
        }
        return failure;
    }
}
