package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Metric;
import dev.ferrymq.benchmarks.harness.Scenario;
import dev.ferrymq.benchmarks.harness.Target;
import dev.ferrymq.benchmarks.harness.Unit;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The scenarios of the performance issue, in run order, with their targets. Stateless. */
public final class Scenarios {

    /** The pacing of S1-paced. */
    public static final int PACED_RATE = 10_000;

    private Scenarios() {
    }

    /** Every scenario, in run order (the memory scenarios last: they leave the most garbage). */
    public static List<Scenario> all() {
        return List.of(
                queue("S1", "queue, non-persistent, AUTO_ACKNOWLEDGE, 1 producer, 1 listener",
                        false, Session.AUTO_ACKNOWLEDGE, 0, 1,
                        Target.atLeast(400_000, ">= 400k/s").andRatio(15)),
                new PacedLatencyScenario(PACED_RATE),
                new FreeRunningScenario("S1-free", "as S1 with no window: the producer sends as fast as send "
                        + "returns (up to 1M messages or the iteration's time): msg/s, p99 latency, heap growth",
                        BrokerSettings.IN_MEMORY, Target.ofScenario("S1", 0.6)),
                new FreeRunningScenario("S1-free-limited", "as S1-free against a 64 MiB destination limit that "
                        + "blocks the producer while the queue is full", BrokerSettings.IN_MEMORY_LIMITED, Target.NONE),
                queue("S2-ack1", "queue, non-persistent, CLIENT_ACKNOWLEDGE, acknowledge() every message",
                        false, Session.CLIENT_ACKNOWLEDGE, 1, 1, Target.atLeast(300_000, ">= 300k/s")),
                queue("S2-ack100", "queue, non-persistent, CLIENT_ACKNOWLEDGE, acknowledge() every 100th message",
                        false, Session.CLIENT_ACKNOWLEDGE, 100, 1, Target.atLeast(300_000, ">= 300k/s")),
                persistent(1, 2_000, ">= 2,000/s"),
                new FreeRunningScenario("S3-p1-free", "as S3-p1 with no window, and the disk's write+fsync rate "
                        + "measured without JMS in the same run: msg/s as a fraction of it", BrokerSettings.PERSISTENT,
                        Target.NONE),
                persistent(4, 8_000, ">= 8,000/s"),
                persistent(16, 25_000, ">= 25,000/s"),
                new TopicFanOutScenario(4),
                new TransactedBatchScenario(),
                new RequestReplyScenario(),
                new RedeliveryScenario(),
                new PendingMemoryScenario(),
                new SlowConsumerMemoryScenario());
    }

    /** {@link #select(List, long)} with the default largest backlog of the cost curves. */
    public static List<Scenario> select(List<String> selectors) {
        return select(selectors, Curves.DEFAULT_BACKLOG_MAX);
    }

    /**
     * The scenarios whose id equals one of {@code selectors} or starts with it followed by
     * {@code -} (so {@code S3} selects S3-p1, S3-p4 and S3-p16); case-insensitive; run order kept.
     * The cost curves ({@link Curves}, backlog points up to {@code backlogMax}) come after
     * {@link #all()} and only this way.
     *
     * @throws IllegalArgumentException naming a selector that matches nothing
     */
    public static List<Scenario> select(List<String> selectors, long backlogMax) {
        List<Scenario> all = new ArrayList<>(all());
        all.addAll(Curves.all(backlogMax));
        for (String s : selectors) {
            if (all.stream().noneMatch(sc -> matches(sc, s))) {
                throw new IllegalArgumentException("no scenario '" + s + "'; known: "
                        + all.stream().map(Scenario::id).toList());
            }
        }
        List<Scenario> chosen = new ArrayList<>();
        for (Scenario sc : all) {
            if (selectors.stream().anyMatch(s -> matches(sc, s))) {
                chosen.add(sc);
            }
        }
        return chosen;
    }

    private static boolean matches(Scenario scenario, String selector) {
        String id = scenario.id().toUpperCase(Locale.ROOT);
        String sel = selector.trim().toUpperCase(Locale.ROOT);
        return id.equals(sel) || id.startsWith(sel + "-");
    }

    private static Scenario queue(String id, String description, boolean persistent, int ackMode, int ackEvery,
                                  int producers, Target target) {
        return new QueueThroughputScenario(id, description, persistent, ackMode, ackEvery, producers,
                new Metric("msg/s", Unit.PER_SECOND, target));
    }

    private static Scenario persistent(int producers, double rate, String text) {
        String who = producers == 1 ? "1 producer" : producers + " producers (a connection each)";
        return queue("S3-p" + producers, "queue, PERSISTENT, AUTO_ACKNOWLEDGE, " + who
                        + ", 1 listener, default sync policy",
                true, Session.AUTO_ACKNOWLEDGE, 0, producers, Target.atLeast(rate, text));
    }
}
