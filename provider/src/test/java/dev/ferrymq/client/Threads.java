package dev.ferrymq.client;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Test helpers for threads that must be seen blocked. */
final class Threads {

    private Threads() {
    }

    /** Spins until {@code t} parks (WAITING or TIMED_WAITING); bounded by the test's timeout. */
    static void awaitBlocked(Thread t) {
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            if (!t.isAlive()) {
                throw new AssertionError(t.getName() + " ended instead of blocking");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Runs {@code call} on a new daemon thread and returns once that thread is blocked (in the
     * call, e.g. a receive waiting for a message); the future completes with the call's outcome.
     */
    static <T> CompletableFuture<T> blockedCall(String name, Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        awaitBlocked(start(name, () -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    /** Starts a daemon thread running {@code body}. */
    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
