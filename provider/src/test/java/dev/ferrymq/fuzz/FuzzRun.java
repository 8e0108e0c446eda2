package dev.ferrymq.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one fuzz target over {@code count} generated inputs, each from its own
 * {@code new Random(seed + index)} (so any input can be regenerated from the seed and its index),
 * and tallies the outcomes. Each input must end within a per-input timeout: a watchdog on the
 * calling thread notices one that does not, reports it as a hang and stops waiting (the stuck
 * worker is a daemon thread and is left behind).
 *
 * <p>Threading contract: {@link #run} blocks the caller; the target runs on one worker thread.
 */
public final class FuzzRun {

    /** One fuzz target: generates an input from {@code random}, describes it in {@code input}, runs it. */
    @FunctionalInterface
    public interface Target {
        /**
         * @return the name of the expected outcome (e.g. {@code "parsed"} or the documented exception's simple name)
         * @throws Throwable anything else: reported as a failure
         */
        String run(Random random, StringBuilder input) throws Throwable;
    }

    /**
     * What a run found.
     *
     * @param target   the target's name
     * @param seed     the seed
     * @param inputs   how many inputs ran to their end
     * @param outcomes how many inputs ended in each expected outcome
     * @param failures the first few unexpected exceptions, each with its input index and description
     * @param failureCount how many inputs failed in all
     * @param hang     the input that did not end within the timeout, or {@code null}
     */
    public record Report(String target, long seed, long inputs, Map<String, Long> outcomes, List<String> failures,
                         long failureCount, String hang) {

        public boolean ok() {
            return failureCount == 0 && hang == null;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(target).append(" seed=").append(seed).append(": ").append(inputs)
                    .append(" inputs, outcomes ").append(outcomes).append(", failures ").append(failureCount);
            failures.forEach(f -> b.append("\n  FAILURE ").append(f));
            if (hang != null) {
                b.append("\n  HANG ").append(hang);
            }
            return b.toString();
        }
    }

    /** The most failures a report lists. */
    static final int LISTED_FAILURES = 10;

    private FuzzRun() {
    }

    public static Report run(String name, Target target, long seed, long count, long timeoutMillis)
            throws InterruptedException {
        Worker w = new Worker(target, seed, count);
        Thread t = new Thread(w, "fuzz-" + name);
        t.setDaemon(true);
        t.start();
        while (!w.finished.await(50, TimeUnit.MILLISECONDS)) {
            long started = w.inputStarted;
            if (started != 0 && System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
                t.interrupt();
                return w.report(name, "input #" + w.index + " ran longer than " + timeoutMillis + " ms: "
                        + w.current);
            }
        }
        return w.report(name, null);
    }

    private static final class Worker implements Runnable {
        final Target target;
        final long seed;
        final long count;
        final CountDownLatch finished = new CountDownLatch(1);
        final Map<String, Long> outcomes = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        long failureCount;
        volatile long inputStarted;
        volatile long index;
        volatile long done;
        volatile StringBuilder current = new StringBuilder();

        Worker(Target target, long seed, long count) {
            this.target = target;
            this.seed = seed;
            this.count = count;
        }

        @Override
        public void run() {
            try {
                for (long i = 0; i < count; i++) {
                    StringBuilder input = new StringBuilder();
                    current = input;
                    index = i;
                    inputStarted = System.nanoTime();
                    try {
                        String outcome = target.run(new Random(seed + i), input);
                        synchronized (this) {
                            outcomes.merge(outcome, 1L, Long::sum);
                        }
                    } catch (Throwable e) {
                        synchronized (this) {
                            failureCount++;
                            if (failures.size() < LISTED_FAILURES) {
                                failures.add("input #" + i + " " + abbreviate(input) + " threw " + e);
                            }
                        }
                    }
                    done = i + 1;
                }
                inputStarted = 0;
            } finally {
                finished.countDown();
            }
        }

        synchronized Report report(String name, String hang) {
            return new Report(name, seed, done, new TreeMap<>(outcomes), List.copyOf(failures), failureCount, hang);
        }
    }

    static String abbreviate(CharSequence s) {
        String text = s.toString();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
