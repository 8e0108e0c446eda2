package dev.ferrymq.engine.queue;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;

import java.lang.System.Logger.Level;

/**
 * What one queue's collaborators share: its identity and infrastructure, its available messages,
 * consumers and meters, and the state that several of them change — how many deliveries are
 * outstanding, whether the queue is closed, whether it may hold expiring messages — changed only
 * through intent methods ({@link #delivered}, {@link #settled}, {@link #close}, ...), never by
 * a collaborator writing another's fields. {@link MessageQueue} is the public face; {@code
 * Dispatch}, {@code Settlement}, {@code Redeliveries}, {@code LocalRedelivery}, {@code Deletion},
 * {@code QueueScans} and {@code DeliveryMarks} each get this object and the collaborators they
 * call, and nothing of {@code MessageQueue}'s.
 *
 * <p>Threading contract: confined to the queue's serial executor ({@link #executor()}), except
 * the immutable identity, {@link #isDeleted()} / {@link #markDeleted()} (volatile: read by
 * senders on other threads), and {@link #stores} and {@link #matches} (any thread). Whether the
 * queue is watched by the broker's {@link ExpirySweeper} and {@link AckTimeoutSweeper} changes
 * only here, on the executor.
 */
final class QueueState {

    static final System.Logger LOG = System.getLogger("dev.ferrymq.engine.queue.MessageQueue");

    private final DestinationRef ref;
    private final String name;
    private final EngineRuntime runtime;
    private final SerialExecutor executor;
    private final QueuePolicy policy;
    private final QueueLimits limits;
    private final MessageList available = new MessageList();
    private final ConsumerSet consumers = new ConsumerSet();
    private final QueueMeters meters = new QueueMeters();
    /** Set once before the queue is published; null for a queue kept in memory only. */
    private QueueStore store;
    /** Deliveries made and not yet settled, over all consumers. */
    private int outstanding;
    private boolean closed;
    /** Set when the queue is deleted: at once by a close from any thread, or on the executor. */
    private volatile boolean deleted;
    /** The broker's expiry sweep, which visits this queue while {@link #holdsExpiring}. */
    private final ExpirySweeper sweeper;
    /** What the sweeper calls; set once before the queue is published. */
    private ExpirySweeper.Swept swept;
    /**
     * Set (and the queue watched) when a message with an expiration arrives or comes back; cleared
     * (and the queue unwatched) by a sweep that finds none left, or when the queue closes.
     */
    private boolean holdsExpiring;
    /** The broker's acknowledgement-timeout sweep, which visits this queue while {@link #ackWatched}. */
    private final AckTimeoutSweeper ackSweeper;
    /** What the acknowledgement-timeout sweeper calls; set once before the queue is published. */
    private AckTimeoutSweeper.Swept ackSwept;
    /**
     * Set (and the queue watched) when a delivery is made under an acknowledgement timeout;
     * cleared (and the queue unwatched) by a sweep that finds none outstanding, or when the queue closes.
     */
    private boolean ackWatched;

    QueueState(DestinationRef ref, String name, EngineRuntime runtime, QueuePolicy policy, ExpirySweeper sweeper,
               AckTimeoutSweeper ackSweeper) {
        this.ref = ref;
        this.sweeper = sweeper;
        this.ackSweeper = ackSweeper;
        this.name = name;
        this.runtime = runtime;
        this.executor = runtime.newSerialExecutor();
        this.policy = policy;
        this.limits = new QueueLimits(policy.limits, policy.memory, name, runtime);
    }

    DestinationRef ref() {
        return ref;
    }

    String name() {
        return name;
    }

    EngineRuntime runtime() {
        return runtime;
    }

    SerialExecutor executor() {
        return executor;
    }

    QueuePolicy policy() {
        return policy;
    }

    QueueLimits limits() {
        return limits;
    }

    MessageList available() {
        return available;
    }

    ConsumerSet consumers() {
        return consumers;
    }

    QueueMeters meters() {
        return meters;
    }

    // ---- the store ----------------------------------------------------------------------------

    /** Makes the queue durable; before it is published. */
    void persistTo(QueueStore store) {
        this.store = store;
    }

    /** The store of a durable queue, or null. */
    QueueStore store() {
        return store;
    }

    /** The store holding {@code e}'s message, or {@code null} when it is not stored. */
    QueueStore storeOf(MessageEntry e) {
        return e.storeId != 0 ? store : null;
    }

    /** Whether {@code message} is written to the store when it arrives here. Any thread. */
    boolean stores(MessageData message) {
        return store != null && message.persistent() && !deleted;
    }

    // ---- deliveries ---------------------------------------------------------------------------

    /**
     * Delivery {@code d} was made: it is outstanding with its consumer until settled. Under an
     * acknowledgement timeout the queue joins the acknowledgement-timeout sweep.
     */
    void delivered(QueueDelivery d) {
        d.consumer.addOutstanding(d);
        outstanding++;
        if (!ackWatched && !closed && policy.ackTimeout() > 0) {
            ackWatched = true;
            ackSweeper.watch(ackSwept);
        }
    }

    /** Delivery {@code d} was settled (acknowledged, released or taken back). */
    void settled(QueueDelivery d) {
        outstanding--;
        d.consumer.removeOutstanding(d);
    }

    /** Deliveries made and not yet settled, over all consumers. */
    int outstanding() {
        return outstanding;
    }

    /** A sweep found no delivery outstanding: later sweeps skip this queue until one is made. */
    void holdsNoDelivery() {
        ackWatched = false;
        ackSweeper.unwatch(ackSwept);
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    boolean isClosed() {
        return closed;
    }

    /** Closes the queue on its executor; false when it was closed already. */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        deleted = true;
        holdsExpiring = false;
        sweeper.unwatch(swept);
        ackWatched = false;
        ackSweeper.unwatch(ackSwept);
        return true;
    }

    /** The queue is being deleted: later sends are dropped. Any thread. */
    void markDeleted() {
        deleted = true;
    }

    /** Whether the queue was deleted. Any thread. */
    boolean isDeleted() {
        return deleted;
    }

    // ---- expiry -------------------------------------------------------------------------------

    /** Whether {@code e} has expired; reads the clock only for a message that can expire. */
    boolean expiredNow(MessageEntry e) {
        return e.message.expiration() != 0 && e.message.isExpired(runtime.now());
    }

    /** Names what the expiry and acknowledgement-timeout sweepers call for this queue; once, before it is published. */
    void sweptBy(ExpirySweeper.Swept swept, AckTimeoutSweeper.Swept ackSwept) {
        this.swept = swept;
        this.ackSwept = ackSwept;
    }

    /**
     * {@code message} arrives, is recovered or comes back to the available list: a message that
     * can expire makes the expiry sweep visit this queue.
     */
    void arriving(MessageData message) {
        if (message.expiration() != 0 && !holdsExpiring && !closed) {
            holdsExpiring = true;
            sweeper.watch(swept);
        }
    }

    /** A sweep found no message left that can expire: later sweeps skip this queue until one arrives. */
    void holdsNoExpiring() {
        holdsExpiring = false;
        sweeper.unwatch(swept);
    }

    // ---- selectors ----------------------------------------------------------------------------

    /** Evaluates {@code selector} on {@code m}; a selector that throws counts as no match. Any thread. */
    boolean matches(Selector selector, MessageData m) {
        try {
            return selector.matches(m);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "selector '" + selector.text() + "' failed on " + m + "; treated as no match", ex);
            return false;
        }
    }
}
