package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueConsumer;
import dev.ferrymq.engine.topic.Subscription;
import dev.ferrymq.engine.topic.SubscriptionRegistry;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.DeliverySink;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A consumer's engine side: a {@link QueueConsumer} on the queue it reads (a queue, or the queue
 * of its topic subscription). Closing it leaves its outstanding deliveries with the session; the
 * session ({@link VmConsumerSession}) forgets it once those are settled.
 *
 * <p>Threading contract: every method may be called from any thread and hands its work to the
 * queue's serial executor. Only the open/closed flag lives here (atomic).
 */
final class VmConsumer implements EngineConsumer {

    private final VmConsumerSession session;
    private final MessageQueue queue;
    private final Subscription subscription;
    private final SubscriptionRegistry registry;
    private final QueueConsumer consumer;
    private final AtomicBoolean closed = new AtomicBoolean();

    VmConsumer(VmConsumerSession session, MessageQueue queue, Subscription subscription, SubscriptionRegistry registry,
               DeliverySink sink, Selector selector, ConsumerInfo info) {
        this.session = session;
        this.queue = queue;
        this.subscription = subscription;
        this.registry = registry;
        this.consumer = new QueueConsumer(queue, sink, selector, session, info.initialCredit(), info.suspended(),
                () -> session.forget(this));
    }

    /** Registers with the queue; on failure the subscription is let go. */
    void start(Completion<EngineConsumer> done) {
        queue.addConsumer(consumer, new Completion<>() {
            @Override
            public void complete(Void result) {
                done.complete(VmConsumer.this);
            }

            @Override
            public void fail(EngineException error) {
                if (closed.compareAndSet(false, true)) {
                    session.consumerClosed();
                    detachSubscription();
                }
                session.forget(VmConsumer.this);
                done.fail(error);
            }
        });
    }

    @Override
    public void credit(int credits) {
        queue.credit(consumer, credits);
    }

    @Override
    public void suspend(Completion<Void> done) {
        queue.suspend(consumer, done);
    }

    @Override
    public void resume() {
        queue.resume(consumer);
    }

    @Override
    public void close(Completion<Void> done) {
        if (!closed.compareAndSet(false, true)) {
            done.complete(null);
            return;
        }
        session.consumerClosed();
        queue.removeConsumer(consumer, false, new Completion<>() {
            @Override
            public void complete(Void result) {
                detachSubscription();
                done.complete(null);
            }

            @Override
            public void fail(EngineException error) {
                done.fail(error);
            }
        });
    }

    /** Session close: closes the consumer if open and releases its outstanding deliveries as delivered. */
    CompletableFuture<Void> closeWithSession() {
        boolean wasOpen = closed.compareAndSet(false, true);
        if (wasOpen) {
            session.consumerClosed();
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        queue.removeConsumer(consumer, true, new Completion<>() {
            @Override
            public void complete(Void result) {
                if (wasOpen) {
                    detachSubscription();
                }
                f.complete(null);
            }

            @Override
            public void fail(EngineException error) {
                f.completeExceptionally(error);
            }
        });
        return f;
    }

    private void detachSubscription() {
        if (subscription != null) {
            registry.detach(subscription);
        }
    }

    @Override
    public String toString() {
        return "VmConsumer[" + queue.name() + "]";
    }
}
