package dev.ferrymq.spi;

/**
 * Callback for an asynchronous engine call. Exactly one of the two methods is called, exactly once,
 * on an engine thread (or on the caller's thread when the engine could finish at once).
 * Implementations must be quick and must not call back into the engine synchronously in a way that
 * waits for another completion.
 *
 * @param <T> the result type; {@link Void} results are completed with {@code null}
 */
public interface Completion<T> {

    /** The call succeeded. */
    void complete(T result);

    /** The call failed; nothing of it took effect unless the kind's documentation says otherwise. */
    void fail(EngineException error);

    /**
     * Whether the thread that starts the call blocks until this completes and does nothing else
     * meanwhile (a synchronous facade call). The engine may then do the call's blocking I/O on
     * that thread while it is inside the call (a PERSISTENT send's journal write and sync)
     * instead of handing it to a thread of its own and back; the completion may then run before
     * the call returns. False unless overridden.
     */
    default boolean callerWaits() {
        return false;
    }

    /** A completion that ignores success and failure, for fire-and-forget calls. */
    @SuppressWarnings("unchecked")
    static <T> Completion<T> ignore() {
        return (Completion<T>) Ignore.INSTANCE;
    }

    /** Shared no-op completion. */
    enum Ignore implements Completion<Object> {
        INSTANCE;

        @Override
        public void complete(Object result) {
        }

        @Override
        public void fail(EngineException error) {
        }
    }
}
