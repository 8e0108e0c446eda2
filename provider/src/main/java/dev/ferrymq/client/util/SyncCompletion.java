package dev.ferrymq.client.util;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;
import jakarta.jms.JMSException;

/**
 * A {@link Completion} the calling thread waits on: turns one asynchronous engine call into a
 * blocking facade call. The engine completes it on any thread; {@link #await()} is called by one
 * thread, the caller. An engine failure is rethrown as the JMS exception its kind names
 * ({@link JmsExceptions#toJms(EngineException)}).
 *
 * @param <T> the call's result type
 */
public final class SyncCompletion<T> implements Completion<T> {

    private final WaitStrategy waiting = new ParkingWaitStrategy();
    private volatile boolean done;
    private T result;
    private EngineException error;

    /** True: the caller blocks in {@link #await()} right after starting the call. */
    @Override
    public boolean callerWaits() {
        return true;
    }

    @Override
    public void complete(T value) {
        result = value;
        done = true;
        waiting.signalAll();
    }

    @Override
    public void fail(EngineException e) {
        error = e;
        done = true;
        waiting.signalAll();
    }

    /**
     * Waits (not cut short by interrupts: the engine always completes, and giving up early would
     * lose the outcome) and returns the result.
     *
     * @throws JMSException the translated engine failure
     */
    public T await() throws JMSException {
        waiting.await(this::isDone, WaitStrategy.FOREVER, false);
        if (error != null) {
            throw JmsExceptions.toJms(error);
        }
        return result;
    }

    /**
     * Starts an engine call with a new completion and waits for it; an {@link EngineException}
     * thrown by the call itself is translated like a failed completion.
     */
    public static <T> T call(java.util.function.Consumer<Completion<T>> engineCall) throws JMSException {
        SyncCompletion<T> done = new SyncCompletion<>();
        try {
            engineCall.accept(done);
        } catch (RuntimeException e) {
            throw JmsExceptions.toJms(e);
        }
        return done.await();
    }

    public boolean isDone() {
        return done;
    }
}
