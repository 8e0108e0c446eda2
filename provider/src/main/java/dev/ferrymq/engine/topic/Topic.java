package dev.ferrymq.engine.topic;

import dev.ferrymq.engine.queue.Address;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;

import dev.ferrymq.engine.queue.AcceptingQueue;
import dev.ferrymq.engine.queue.QueueLimits;

import java.util.Arrays;
import java.util.List;

/**
 * A topic or temporary topic: fans each message out to its subscriptions, each of which is a
 * queue of its own. The same {@link MessageData} instance goes to every subscription (no copy).
 * A topic sees its subscriptions only as {@link FanOutTarget}s (a filter and a queue).
 *
 * <p>Threading contract: {@link #publish} runs on the sender's thread without locks: it reads a
 * copy-on-write array of subscriptions. The array is replaced only by {@link SubscriptionRegistry}
 * on its executor. A subscription added or removed while a send runs may or may not see that
 * message.
 */
public final class Topic implements Address {

    private static final FanOutTarget[] NONE = new FanOutTarget[0];

    private final DestinationRef ref;
    private volatile FanOutTarget[] subscriptions = NONE;
    private volatile boolean deleted;

    public Topic(DestinationRef ref) {
        this.ref = ref;
    }

    @Override
    public DestinationRef ref() {
        return ref;
    }

    @Override
    public boolean isDeleted() {
        return deleted;
    }

    @Override
    public void publish(MessageData message, Publisher publisher) {
        for (FanOutTarget s : subscriptions) {
            if (s.accepts(message, publisher)) {
                s.queue().enqueue(message);
            }
        }
    }

    @Override
    public void route(MessageData message, Publisher publisher, List<AcceptingQueue> out) {
        for (FanOutTarget s : subscriptions) {
            if (s.accepts(message, publisher)) {
                out.add(s.queue());
            }
        }
    }

    @Override
    public QueueLimits blockedOn(MessageData message, Publisher publisher) {
        for (FanOutTarget s : subscriptions) {
            QueueLimits full = s.queue().blockedOn(message, publisher);
            if (full != null && s.accepts(message, publisher)) {
                return full;
            }
        }
        return null;
    }

    /** The current subscriptions (a snapshot; do not modify). */
    FanOutTarget[] subscriptions() {
        return subscriptions;
    }

    /** Called on the registry's executor only. */
    void add(FanOutTarget s) {
        FanOutTarget[] old = subscriptions;
        FanOutTarget[] next = Arrays.copyOf(old, old.length + 1);
        next[old.length] = s;
        subscriptions = next;
    }

    /** Called on the registry's executor only. */
    void remove(FanOutTarget s) {
        FanOutTarget[] old = subscriptions;
        for (int i = 0; i < old.length; i++) {
            if (old[i] == s) {
                FanOutTarget[] next = new FanOutTarget[old.length - 1];
                System.arraycopy(old, 0, next, 0, i);
                System.arraycopy(old, i + 1, next, i, old.length - i - 1);
                subscriptions = next;
                return;
            }
        }
    }

    /** Any thread: once deleted, a topic stays deleted (publishers then refuse sends to it). */
    void markDeleted() {
        deleted = true;
    }

    @Override
    public String toString() {
        return "Topic[" + ref.name() + ", " + subscriptions.length + " subscription(s)]";
    }
}
