package dev.ferrymq.engine.topic;

import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.MessageData;

import java.util.Objects;

/**
 * One subscription on a topic ("Topic semantics"): a filter (selector, noLocal) in front of a
 * queue of its own. Its consumers read that queue; they have no selector of their own.
 *
 * <p>Threading contract: the identity fields are immutable and {@link #accepts} runs on sender
 * threads; {@link #consumers} and {@link #unsubscribing} belong to the {@link SubscriptionRegistry}
 * and change only on its executor.
 */
public final class Subscription implements FanOutTarget {

    private final Topic topic;
    private final SubscriptionKind kind;
    private final String clientId;
    private final String name;
    private final String selectorText;
    private final Selector selector;
    private final boolean noLocal;
    private final Publisher localConnection;
    private final MessageQueue queue;
    /** Open consumers; the registry's, on its executor. */
    int consumers;
    /** An unsubscribe is deleting it; the registry's, on its executor. */
    boolean unsubscribing;

    Subscription(Topic topic, SubscriptionKind kind, String clientId, String name, Selector selector,
                 boolean noLocal, Publisher localConnection, MessageQueue queue) {
        this.topic = topic;
        this.kind = kind;
        this.clientId = clientId;
        this.name = name;
        this.selector = selector;
        this.selectorText = selector == null ? null : selector.text();
        this.noLocal = noLocal;
        this.localConnection = localConnection;
        this.queue = queue;
    }

    @Override
    public MessageQueue queue() {
        return queue;
    }

    public Topic topic() {
        return topic;
    }

    public boolean durable() {
        return kind.durable();
    }

    public SubscriptionKind kind() {
        return kind;
    }

    /** The client ID, or {@code null}. */
    public String clientId() {
        return clientId;
    }

    /** The subscription name ({@code null} for a private one). */
    public String name() {
        return name;
    }

    /** The selector text, or {@code null}. */
    public String selectorText() {
        return selectorText;
    }

    public boolean noLocal() {
        return noLocal;
    }

    /** Whether a consumer asking for this topic, selector and noLocal may use this subscription as is. */
    boolean sameAs(Topic t, Selector s, boolean nl) {
        return topic == t && Objects.equals(selectorText, s == null ? null : s.text()) && noLocal == nl;
    }

    /**
     * Whether a message from {@code publisher} belongs in this subscription: its selector matches,
     * and with noLocal it was not sent by the subscribing connection nor, for a durable
     * subscription, by any connection with the subscription's client ID.
     */
    @Override
    public boolean accepts(MessageData m, Publisher publisher) {
        if (noLocal) {
            if (publisher == localConnection) {
                return false;
            }
            if (clientId != null && durable() && clientId.equals(publisher.clientId())) {
                return false;
            }
        }
        return selector == null || queue.matches(selector, m);
    }

    @Override
    public String toString() {
        return "Subscription[" + queue.name() + "]";
    }
}
