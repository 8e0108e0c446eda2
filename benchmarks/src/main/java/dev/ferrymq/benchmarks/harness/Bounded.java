package dev.ferrymq.benchmarks.harness;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a step on a daemon thread and gives up on it after a time limit, so that one hung provider
 * cannot stop the whole benchmark. A step given up on is interrupted and abandoned. Thread-safe.
 */
final class Bounded {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-step");
        t.setDaemon(true);
        return t;
    });

    private Bounded() {
    }

    /** The step's result, its own exception, or a {@link TimeoutException} naming {@code what}. */
    static <T> T call(String what, Duration limit, Callable<T> step) throws Exception {
        Future<T> future = THREADS.submit(step);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException(what + " did not finish within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** {@code ExceptionClass: message}, one line, for an {@code n/a (reason)} cell. */
    static String reason(Throwable t) {
        String message = t.getMessage();
        String type = t.getClass().getSimpleName();
        String text = message == null || message.isBlank() ? type : type + ": " + message;
        return text.replaceAll("\\s+", " ").trim();
    }
}
