package dev.ferrymq.client;

import dev.ferrymq.client.util.BlockingWaitStrategy;
import dev.ferrymq.client.util.JmsExceptions;
import dev.ferrymq.client.util.SerialExecutor;
import dev.ferrymq.client.util.WaitStrategy;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;
import jakarta.jms.CompletionListener;
import jakarta.jms.Message;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session's asynchronous sends ("Asynchronous send"): each send's {@link CompletionListener} is
 * called on a provider thread (never the sender's), one callback at a time per session, in the
 * order of the send calls, whatever order the engine completes them in. Close, commit and
 * rollback wait here until every callback has returned.
 *
 * <p>Thread-safe: senders add, the engine completes from any thread, callbacks run on the
 * session's callback executor.
 */
final class AsyncSends {
    private static final System.Logger LOG = System.getLogger(AsyncSends.class.getName());


    private final SerialExecutor callbacks;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final WaitStrategy returned = new BlockingWaitStrategy();
    private final Runnable drainer = this::drain;
    private volatile Sender callbackSender;

    AsyncSends(String name, Executor threads) {
        this.callbacks = new SerialExecutor(threads, "completion-listeners " + name);
    }

    /**
     * One sender's (a producer's) share of the session's asynchronous sends: how many of its sends
     * have not had their callback return yet, so that its close can wait for them alone. The
     * producer holds one; its identity tells whose callback runs ({@link #callbackSender}).
     *
     * <p>Thread-safe: the count is atomic.
     */
    static final class Sender {
        private final AtomicInteger outstanding = new AtomicInteger();
    }

    /** One asynchronous send: the engine's completion, queued until the callbacks before it ran. */
    final class Pending implements Completion<Void> {
        private final Sender sender;
        private final Message message;
        private final CompletionListener listener;
        private volatile boolean done;
        private volatile boolean cancelled;
        private EngineException error;

        Pending(Sender sender, Message message, CompletionListener listener) {
            this.sender = sender;
            this.message = message;
            this.listener = listener;
        }

        @Override
        public void complete(Void result) {
            done = true;
            callbacks.execute(drainer);
        }

        @Override
        public void fail(EngineException e) {
            error = e;
            done = true;
            callbacks.execute(drainer);
        }

        /** The send failed in the sender's thread: no callback, only the bookkeeping. */
        void cancel() {
            cancelled = true;
            done = true;
            callbacks.execute(drainer);
        }
    }

    /** Registers a send of {@code sender} about to be handed to the engine. */
    Pending begin(Sender sender, Message message, CompletionListener listener) {
        Pending p = new Pending(sender, message, listener);
        outstanding.incrementAndGet();
        sender.outstanding.incrementAndGet();
        pending.add(p);
        return p;
    }

    private void drain() {
        for (Pending p; (p = pending.peek()) != null && p.done; ) {
            pending.poll();
            try {
                if (!p.cancelled) {
                    callbackSender = p.sender;
                    if (p.error == null) {
                        p.listener.onCompletion(p.message);
                    } else {
                        p.listener.onException(p.message, JmsExceptions.toJms(p.error));
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "CompletionListener threw", e);
            } finally {
                callbackSender = null;
                p.sender.outstanding.decrementAndGet();
                outstanding.decrementAndGet();
                returned.signalAll();
            }
        }
    }

    /** Whether the caller is inside one of this session's completion callbacks. */
    boolean isCallbackThread() {
        return callbacks.isCurrentThread();
    }

    /** The sender whose callback runs right now on the callback thread, or {@code null}. */
    Sender callbackSender() {
        return callbackSender;
    }

    /** Waits until every asynchronous send of the session completed and its callback returned. */
    void awaitAll() {
        returned.await(() -> outstanding.get() == 0, WaitStrategy.FOREVER, false);
    }

    /** Waits until every asynchronous send of {@code sender} completed and its callback returned. */
    void awaitSender(Sender sender) {
        AtomicInteger count = sender.outstanding;
        returned.await(() -> count.get() == 0, WaitStrategy.FOREVER, false);
    }

    void shutdown() {
        callbacks.shutdown();
    }
}
