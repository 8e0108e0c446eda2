package dev.ferrymq.engine.management;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Turns an engine call that completes a {@link Completion} into a blocking one for management
 * callers (a JMX client, a Micrometer scrape), bounded by a timeout so a stuck queue never hangs
 * the caller.
 *
 * <p>Threading contract: stateless; call it from a management thread, never from an engine thread.
 */
final class Await {

    /** How long a management call waits for the queue's executor. */
    static final long TIMEOUT_SECONDS = 10;

    private Await() {
    }

    /**
     * Runs {@code call} and waits for its result.
     *
     * @throws IllegalStateException naming {@code what} when the call fails, times out or is interrupted
     */
    static <T> T result(String what, Consumer<Completion<T>> call) {
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
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }
}
