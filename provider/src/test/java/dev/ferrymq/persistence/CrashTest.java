package dev.ferrymq.persistence;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.engine.queue.QueueStats;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Message delivery mode" (a PERSISTENT message is not lost when the provider fails) and
 * "Transactions" under SIGKILL: a child JVM produces and consumes transactionally on the default
 * settings and is killed at a random point; the broker is then started from the same data
 * directory and drained. Rounds: {@code -Dferrymq.crashRounds} (50 by default).
 */
class CrashTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    @DisplayName("4.1.1 PERSISTENT delivery under SIGKILL: no acknowledged send is lost, no committed consumption reappears, redeliveries are flagged")
    void killedAtRandomPoints() throws Exception {
        int rounds = Integer.getInteger("ferrymq.crashRounds", 50);
        long seed = Long.getLong("ferrymq.crashSeed", System.nanoTime());
        Random random = new Random(seed);
        Set<String> drainedBefore = new HashSet<>();
        long sentTotal = 0;
        long redeliveredTotal = 0;
        for (int round = 0; round < rounds; round++) {
            String context = "round " + round + " (seed " + seed + ")";
            Map<String, Boolean> drained;
            Set<String> sent = new HashSet<>();
            Set<String> received = new HashSet<>();
            Set<String> inDoubt = new HashSet<>();
            Set<String> committed = new HashSet<>();
            try (ChildJvm child = new ChildJvm("crash", dir.toString(), "r" + round, Long.toString(random.nextLong()))) {
                assertThat(child.awaitReady(30_000)).as(context + ": child started; output " + child.lines).isTrue();
                int target = child.lines.size() + random.nextInt(300);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50 + random.nextInt(700));
                while (child.lines.size() < target && System.nanoTime() < deadline && child.process.isAlive()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                child.kill();
                for (String line : child.lines) {
                    String[] p = line.split(" ");
                    switch (p[0]) {
                        case "S" -> sent.add(p[1]);
                        case "R" -> received.add(p[1]);
                        case "T" -> inDoubt.add(p[1]);
                        case "C" -> committed.add(p[1]);
                        case "READY" -> { }
                        default -> throw new AssertionError(context + ": child printed " + line);
                    }
                }
            }
            drained = drain();
            for (String id : sent) {
                if (!inDoubt.contains(id) && !committed.contains(id)) {
                    assertThat(drained).as(context + ": sent, never committed as consumed").containsKey(id);
                }
            }
            for (String id : committed) {
                assertThat(drained).as(context + ": committed consumption reappeared").doesNotContainKey(id);
            }
            for (Map.Entry<String, Boolean> e : drained.entrySet()) {
                if (received.contains(e.getKey())) {
                    assertThat(e.getValue()).as(context + ": " + e.getKey() + " was delivered before the crash")
                            .isTrue();
                    redeliveredTotal++;
                }
                assertThat(drainedBefore.add(e.getKey())).as(context + ": consumed in an earlier round").isTrue();
            }
            sentTotal += sent.size();
        }
        assertThat(sentTotal).as("the children sent something").isPositive();
        System.out.println("crash test: " + rounds + " rounds, " + sentTotal + " acknowledged sends, "
                + redeliveredTotal + " redelivered after a crash");
    }

    /**
     * Starts the broker from the directory, takes every message (id → JMSRedelivered), acknowledges,
     * stops. How many there are is asked of the recovered queue first, so a slow machine makes the
     * drain wait longer instead of ending it early.
     */
    private Map<String, Boolean> drain() throws Exception {
        Map<String, Boolean> out = new HashMap<>();
        try (Connection c = new FerryConnectionFactory(StoreChild.url(dir.toString())).createConnection()) {
            CompletableFuture<QueueStats> stats = new CompletableFuture<>();
            Brokers.find("crash").queueStats("crash", new Completion<>() {
                @Override
                public void complete(QueueStats result) {
                    stats.complete(result);
                }

                @Override
                public void fail(EngineException error) {
                    stats.completeExceptionally(error);
                }
            });
            QueueStats recovered = stats.get(30, TimeUnit.SECONDS);
            int expected = recovered == null ? 0 : recovered.available() + recovered.delayed();
            c.start();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue("crash"));
            Message last = null;
            for (int i = 0; i < expected; i++) {
                Message m = consumer.receive(30_000);
                assertThat(m).as("recovered message %d of %d", i + 1, expected).isNotNull();
                String id = ((TextMessage) m).getText();
                assertThat(out.put(id, m.getJMSRedelivered())).as("delivered twice in one drain: " + id).isNull();
                last = m;
            }
            assertThat(consumer.receive(100)).as("more than the recovered queue held").isNull();
            if (last != null) {
                last.acknowledge();
            }
        } finally {
            Brokers.stop("crash");
        }
        return out;
    }
}
