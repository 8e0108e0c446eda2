package dev.ferrymq.engine.exec;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Turns an engine call that completes a {@link Completion} into a blocking one for callers outside
 * the engine (a JMX client, a Micrometer scrape, the data tool), bounded by a timeout so a stuck
 * queue never hangs the caller.
 *
 * <p>Threading contract: stateless; call it from a management thread, never from an engine thread.
 */
public final class Await {

    /** How long a management call waits for the queue's executor. */
    public static final long TIMEOUT_SECONDS = 10;

    private Await() {
    }

    /**
     * Runs {@code call} and waits for its result.
     *
     * @throws IllegalStateException naming {@code what} when the call fails, times out or is interrupted
     */
    public static <T> T result(String what, Consumer<Completion<T>> call) {
        return result(what, TIMEOUT_SECONDS, call);
    }

    /**
     * Runs {@code call} and waits at most {@code timeoutSeconds} for its result.
     *
     * @throws IllegalStateException naming {@code what} when the call fails, times out or is interrupted
     */
    public static <T> T result(String what, long timeoutSeconds, Consumer<Completion<T>> call) {
        CompletableFuture<T> f = new CompletableFuture<>();
        call.accept(new Completion<>() {
            @Override
            public void complete(T result) {
                f.complete(result);
            }

            @Override
            public void fail(EngineException error) {
                f.completeExceptionally(error);
            }
        });
        try {
            return f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within " + timeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }
}
