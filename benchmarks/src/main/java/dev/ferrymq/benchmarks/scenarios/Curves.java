package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cost curves of issue #15: one scenario per point, so each point gets a fresh broker and
 * its own heap baseline. Not part of {@link Scenarios#all()} (the default run): selected with
 * {@code --scenarios CURVE} or a narrower prefix ({@code CURVE-queues}, {@code CURVE-backlog-1M}).
 * Stateless.
 */
public final class Curves {

    /** The largest backlog point unless {@code --backlog-max} says otherwise. */
    public static final long DEFAULT_BACKLOG_MAX = 1_000_000;

    /** Backlog sizes are multiples of the fill's transaction size. */
    public static final int BACKLOG_UNIT = BacklogScenario.TX_SIZE;

    static final int[] QUEUES = {1, 100, 10_000};
    static final int[] CONSUMERS = {1, 10, 100, 1_000};
    static final long[] BACKLOGS = {100_000, 1_000_000, 10_000_000};

    private Curves() {
    }

    /** Every curve point, the backlog points up to {@code backlogMax}, in run order. */
    public static List<Scenario> all(long backlogMax) {
        List<Scenario> all = new ArrayList<>();
        for (int n : QUEUES) {
            all.add(new FanCurveScenario("CURVE-queues-" + n, n, 1));
        }
        for (int c : CONSUMERS) {
            all.add(new FanCurveScenario("CURVE-consumers-" + c, 1, c));
        }
        for (long n : backlogPoints(backlogMax)) {
            all.add(new BacklogScenario("CURVE-backlog-" + compact(n), n));
        }
        return all;
    }

    /**
     * The standard backlog sizes up to {@code max}, plus {@code max} itself when it is not one of
     * them (so {@code --backlog-max 10000} gives a quick single point).
     *
     * @throws IllegalArgumentException when {@code max} is not a positive multiple of {@link #BACKLOG_UNIT}
     */
    static List<Long> backlogPoints(long max) {
        if (max <= 0 || max % BACKLOG_UNIT != 0) {
            throw new IllegalArgumentException("backlog size must be a positive multiple of " + BACKLOG_UNIT
                    + ", got " + max);
        }
        List<Long> points = new ArrayList<>();
        for (long n : BACKLOGS) {
            if (n <= max) {
                points.add(n);
            }
        }
        if (!points.contains(max)) {
            points.add(max);
        }
        return points;
    }

    /** {@code 100k}, {@code 1M}, {@code 10M}; other sizes as plain digits. */
    static String compact(long n) {
        if (n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return String.format(Locale.ROOT, "%d", n);
    }
}
