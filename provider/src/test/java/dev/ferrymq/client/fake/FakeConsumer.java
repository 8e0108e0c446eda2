package dev.ferrymq.client.fake;

import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DeliverySink;
import dev.ferrymq.spi.EngineConsumer;

/** A consumer: credit, suspension and the facade's sink. */
final class FakeConsumer implements EngineConsumer {

    final FakeSession session;
    final FakeQueue queue;
    final DeliverySink sink;
    final boolean privateSubscription;
    /** The consumer's message selector, or {@code null} for all messages. */
    final Selector selector;
    private int credit;
    private boolean suspended;
    boolean closed;

    FakeConsumer(FakeSession session, FakeQueue queue, DeliverySink sink, int credit, boolean privateSubscription,
                 Selector selector, boolean suspended) {
        this.session = session;
        this.queue = queue;
        this.sink = sink;
        this.credit = credit;
        this.privateSubscription = privateSubscription;
        this.selector = selector;
        this.suspended = suspended;
    }

    boolean canTake() {
        return !closed && !suspended && credit > 0;
    }

    /** Whether this consumer's selector accepts {@code e}. */
    boolean accepts(FakeQueue.Entry e) {
        return selector == null || selector.matches(e.data);
    }

    void push(FakeQueue.Entry e) {
        credit--;
        FakeDelivery d = new FakeDelivery(e, queue, session, this);
        session.unacked.add(d);
        sink.onDelivery(d);
    }

    @Override
    public void credit(int credits) {
        FakeBroker b = session.broker();
        b.lock.lock();
        try {
            b.creditGranted.addAndGet(credits);
            credit += credits;
            queue.pump();
        } finally {
            b.lock.unlock();
        }
    }

    @Override
    public void suspend(Completion<Void> done) {
        FakeBroker b = session.broker();
        b.lock.lock();
        try {
            suspended = true;
        } finally {
            b.lock.unlock();
        }
        b.complete(done, null);
    }

    @Override
    public void resume() {
        FakeBroker b = session.broker();
        b.lock.lock();
        try {
            suspended = false;
            queue.pump();
        } finally {
            b.lock.unlock();
        }
    }

    @Override
    public void close(Completion<Void> done) {
        FakeBroker b = session.broker();
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
        queue.consumers.remove(this);
        session.consumers.remove(this);
        if (privateSubscription) {
            session.broker().privateSubscriptions.remove(queue);
        } else if (queue.topic != null && queue.consumers.isEmpty()
                && session.broker().sharedSubscriptions.values().remove(queue)) {
            queue.available.clear();
        }
        queue.pump();
    }
}
