package dev.ferrymq.engine.queue;

import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.DeliverySink;

/**
 * A consumer as its queue sees it: its sink, selector, credit, suspension and the deliveries it
 * made that are still outstanding. After the consumer closes, its outstanding deliveries stay
 * here (they belong to the session) until they are acknowledged or released; then
 * {@code onDrained} runs once.
 *
 * <p>Threading contract: created on any thread, then every field is owned by the serial executor
 * of the one queue the consumer reads.
 */
public final class QueueConsumer {

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    /** Unique in the JVM: what an entry that must pass this consumer over remembers ({@link MessageEntry#avoid}). */
    final long id = IDS.incrementAndGet();
    final DeliverySink sink;
    final Selector selector;
    final Object owner;
    private final Runnable onDrained;
    int credit;
    boolean suspended;
    boolean closed;
    /** Index in the queue's consumer list, or -1. */
    int index = -1;
    /** Index in the queue's ready list, or -1. */
    int readyIndex = -1;
    private QueueDelivery head;
    private QueueDelivery tail;
    int outstanding;
    private boolean drained;
    /**
     * Deliveries made to this consumer but not yet handed to its sink, in delivery order: a stored
     * message waits for its delivery count to be durable, and whatever was delivered after it
     * waits behind it, so the consumer sees messages in the order the queue delivered them.
     * Touched only on the queue's executor.
     */
    final java.util.ArrayDeque<QueueDelivery> handOvers = new java.util.ArrayDeque<>();

    /**
     * @param queue         the queue it reads; its deliveries go back there
     * @param sink          where deliveries go
     * @param selector      the consumer's selector, or {@code null} for all messages
     * @param owner         the session the deliveries belong to; handed back by {@link QueueDelivery#owner()}
     * @param initialCredit deliveries allowed before the first credit; values below 1 count as 1
     * @param suspended     starts suspended: no delivery until the queue resumes it
     * @param onDrained     run on the queue's executor once the consumer is closed and has no
     *                      outstanding deliveries left
     */
    /** The queue this consumer reads; its deliveries go back there. */
    final QueueDelivery.Origin queue;

    public QueueConsumer(QueueDelivery.Origin queue, DeliverySink sink, Selector selector, Object owner, int initialCredit,
                         boolean suspended, Runnable onDrained) {
        this.queue = queue;
        this.sink = sink;
        this.suspended = suspended;
        this.selector = selector;
        this.owner = owner;
        this.credit = Math.max(1, initialCredit);
        this.onDrained = onDrained;
    }

    boolean isReady() {
        return !closed && !suspended && credit > 0;
    }

    void addOutstanding(QueueDelivery d) {
        d.prev = tail;
        d.next = null;
        if (tail == null) {
            head = d;
        } else {
            tail.next = d;
        }
        tail = d;
        outstanding++;
    }

    void removeOutstanding(QueueDelivery d) {
        if (d.prev == null) {
            head = d.next;
        } else {
            d.prev.next = d.next;
        }
        if (d.next == null) {
            tail = d.prev;
        } else {
            d.next.prev = d.prev;
        }
        d.prev = null;
        d.next = null;
        outstanding--;
        checkDrained();
    }

    /** {@code next} takes {@code old}'s place among the outstanding deliveries (a local redelivery). */
    void replaceOutstanding(QueueDelivery old, QueueDelivery next) {
        next.prev = old.prev;
        next.next = old.next;
        if (old.prev == null) {
            head = next;
        } else {
            old.prev.next = next;
        }
        if (old.next == null) {
            tail = next;
        } else {
            old.next.prev = next;
        }
        old.prev = null;
        old.next = null;
    }

    /** The outstanding deliveries in delivery order, as a new list. */
    java.util.List<QueueDelivery> outstandingList() {
        java.util.List<QueueDelivery> list = new java.util.ArrayList<>(outstanding);
        for (QueueDelivery d = head; d != null; d = d.next) {
            list.add(d);
        }
        return list;
    }

    void checkDrained() {
        if (closed && outstanding == 0 && !drained) {
            drained = true;
            if (onDrained != null) {
                onDrained.run();
            }
        }
    }
}
