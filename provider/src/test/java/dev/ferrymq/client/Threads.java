package dev.ferrymq.client;

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

    /** Starts a daemon thread running {@code body}. */
    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
