package dev.ferrymq.engine.exec;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Bridges SPI {@link Completion}s and {@link CompletableFuture}s for the engine's multi-step
 * lifecycle work (close, stop), never for the hot path.
 *
 * <p>Threading contract: stateless; callbacks run on whichever thread completes the future.
 */
public final class Futures {

    private Futures() {
    }

    /** A completion that completes {@code f}. */
    public static <T> Completion<T> completing(CompletableFuture<T> f) {
        return new Completion<>() {
            @Override
            public void complete(T result) {
                f.complete(result);
            }

            @Override
            public void fail(EngineException error) {
                f.completeExceptionally(error);
            }
        };
    }

    /** Completes {@code done} when {@code f} completes, translating a failure to an EngineException. */
    public static <T> void whenDone(CompletableFuture<T> f, Completion<T> done) {
        f.whenComplete((v, t) -> {
            if (t == null) {
                done.complete(v);
            } else {
                done.fail(EngineException.wrap(t instanceof CompletionException && t.getCause() != null ? t.getCause() : t));
            }
        });
    }

    /** A future completing when all of {@code fs} complete (failed or not). */
    public static CompletableFuture<Void> all(Collection<CompletableFuture<?>> fs) {
        return CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new));
    }
}
