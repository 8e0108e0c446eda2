package dev.ferrymq.store.file;

import dev.ferrymq.store.AppendCallback;
import dev.ferrymq.store.Batch;
import dev.ferrymq.store.FaultyFiles;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.SyncPolicy;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting appends (issue #15, one persistent producer at the disk's limit): an appender that
 * waits for its append anyway writes the round itself when no one else is writing, so a
 * synchronous PERSISTENT send costs its write and force and no hand-off to the writer thread and
 * back. Spec "Message delivery mode": the callback still runs only once the batch is forced.
 * Observed through the thread a callback runs on and the force counts of an instrumented channel,
 * never through timing.
 */
@Timeout(60)
class WaitingAppendTest {

    private static final Duration FOREVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final FaultyFiles files = new FaultyFiles();

    private JournalConfig config() {
        return JournalConfig.file(dir).withChannelFactory(files).withPreallocate(false)
                .withBackgroundDelayMillis(FOREVER.toMillis());
    }

    @Test
    @DisplayName("Issue #15: on an idle journal a waiting append is written and forced on the calling thread before appendWaiting returns")
    void idleJournalWritesOnTheCallingThread() throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            int forcesBefore = files.forces.get();
            Observed seen = new Observed();
            awaitWriterParked();

            j.appendWaiting(Batch.add(2, (byte) 1, new byte[100]), seen);

            assertThat(seen.future).as("completed before appendWaiting returned").isDone();
            seen.future.get();
            assertThat(seen.thread.get()).isSameAs(Thread.currentThread());
            assertThat(seen.unforced.get()).as("forced before its callback ran").isFalse();
            assertThat(files.forces).hasValue(forcesBefore + 1);
        }
        assertThat(liveIds()).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("Issue #15: a waiting append takes the queued background appends along, ahead of itself, in one force")
    void takesQueuedBackgroundAppendsAlong() throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            int forcesBefore = files.forces.get();
            Observed background = new Observed();
            j.appendBackground(Batch.delete(1), background);
            Observed waiting = new Observed();
            awaitWriterParked();

            // valid only after the queued delete: written out of order it would fail
            j.appendWaiting(Batch.add(1, (byte) 2, new byte[10]), waiting);

            waiting.future.get(10, TimeUnit.SECONDS);
            background.future.get(10, TimeUnit.SECONDS);
            assertThat(background.thread.get()).as("the waiting appender completed the round").isSameAs(Thread.currentThread());
            assertThat(background.unforced.get()).isFalse();
            assertThat(files.forces).as("one force for both").hasValue(forcesBefore + 1);
        }
        assertThat(liveIds()).containsExactly(1L);
    }

    @Test
    @DisplayName("Issue #15: while another round is being forced a waiting append queues without blocking and joins the next round")
    void queuesWhileAnotherRoundIsForced() throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            CountDownLatch gate = new CountDownLatch(1);
            files.gateReached = new CountDownLatch(1);
            files.forceGate = gate;
            Observed first = new Observed();
            awaitWriterParked();
            Thread leader = new Thread(() -> j.appendWaiting(Batch.add(2, (byte) 1, new byte[100]), first), "leader");
            leader.start();
            assertThat(files.gateReached.await(10, TimeUnit.SECONDS)).as("the first round reached its force").isTrue();

            Observed second = new Observed();
            Thread other = new Thread(() -> j.appendWaiting(Batch.add(3, (byte) 1, new byte[100]), second), "other");
            other.start();
            other.join(10_000);
            assertThat(other.isAlive()).as("the second appender did not wait for the held permit").isFalse();
            assertThat(second.future).isNotDone();

            files.forceGate = null;
            gate.countDown();
            first.future.get(10, TimeUnit.SECONDS);
            second.future.get(10, TimeUnit.SECONDS);
            leader.join(10_000);
            assertThat(first.thread.get().getName()).isEqualTo("leader");
            assertThat(second.thread.get()).as("written by the writer thread after the first round")
                    .isNotSameAs(other).isNotSameAs(leader);
            assertThat(second.unforced.get()).isFalse();
        }
        assertThat(liveIds()).containsExactly(1L, 2L, 3L);
    }

    @Test
    @DisplayName("Issue #15: a callback run inside a waiting append cannot close the journal (IllegalStateException), and the journal carries on")
    void callbackCannotClose() throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            awaitWriterParked();
            j.appendWaiting(Batch.add(1, (byte) 1, new byte[10]), new AppendCallback() {
                @Override
                public void onDurable() {
                    try {
                        j.close();
                    } catch (RuntimeException e) {
                        thrown.set(e);
                    }
                    done.complete(null);
                }

                @Override
                public void onFailed(StoreException error) {
                    done.completeExceptionally(error);
                }
            });
            done.get(10, TimeUnit.SECONDS);
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be closed from its own append callback");
            j.append(Batch.add(2, (byte) 1, new byte[10])).get(10, TimeUnit.SECONDS);
        }
        assertThat(liveIds()).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("Issue #15: an appender interrupted while it writes its own round still completes it durably (the file is opened again) and keeps its interrupt status")
    void interruptedWhileWriting() throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            Observed seen = new Observed();
            AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
            awaitWriterParked();
            Thread appender = new Thread(() -> {
                files.interruptBeforeNextForce.set(true);
                j.appendWaiting(Batch.add(2, (byte) 1, new byte[100]), seen);
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            }, "appender");
            appender.start();
            appender.join(10_000);
            seen.future.get(10, TimeUnit.SECONDS);
            assertThat(seen.thread.get()).isSameAs(appender);
            assertThat(seen.unforced.get()).isFalse();
            assertThat(interruptedAfter.get()).as("interrupt status set again").isTrue();
            j.append(Batch.add(3, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
        }
        assertThat(liveIds()).containsExactly(1L, 2L, 3L);
    }

    @Test
    @DisplayName("Issue #15: an interrupted appender does not write: its waiting append goes to the writer thread, and its interrupt status stays")
    void interruptedAppenderQueues() throws Exception {
        try (Journal j = Journals.open(config(), RecoveryListener.IGNORE)) {
            Observed seen = new Observed();
            AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
            awaitWriterParked();
            Thread appender = new Thread(() -> {
                Thread.currentThread().interrupt();
                j.appendWaiting(Batch.add(1, (byte) 1, new byte[100]), seen);
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            }, "appender");
            appender.start();
            appender.join(10_000);
            seen.future.get(10, TimeUnit.SECONDS);
            assertThat(seen.thread.get()).isNotSameAs(appender);
            assertThat(interruptedAfter.get()).isTrue();
        }
        assertThat(liveIds()).containsExactly(1L);
    }

    @ParameterizedTest
    @EnumSource(value = SyncPolicy.class, names = {"INTERVAL", "NEVER"})
    @DisplayName("Issue #15: without a force per round (syncPolicy interval or never) a waiting append is an ordinary one, written by the writer thread")
    void ordinaryWithoutForcePerRound(SyncPolicy policy) throws Exception {
        try (Journal j = Journals.open(config().withSyncPolicy(policy), RecoveryListener.IGNORE)) {
            Observed seen = new Observed();
            j.appendWaiting(Batch.add(1, (byte) 1, new byte[10]), seen);
            seen.future.get(10, TimeUnit.SECONDS);
            assertThat(seen.thread.get()).isNotSameAs(Thread.currentThread());
        }
        assertThat(liveIds()).containsExactly(1L);
    }

    @Test
    @DisplayName("Issue #15: closing while appenders write their own rounds completes every append exactly once, and every durable one is recovered")
    void closeRacesWaitingAppenders() throws Exception {
        Set<Long> durable = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger outcomes = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicInteger appended = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(200);
        List<Thread> workers = new ArrayList<>();
        Journal j = Journals.open(JournalConfig.file(dir).withJournalFileSize(64 * 1024), RecoveryListener.IGNORE);
        for (int t = 0; t < 4; t++) {
            workers.add(new Thread(() -> {
                while (true) {
                    long id = j.nextId();
                    CompletableFuture<Boolean> f = new CompletableFuture<>();
                    appended.incrementAndGet();
                    j.appendWaiting(Batch.add(id, (byte) 1, new byte[200]), new AppendCallback() {
                        @Override
                        public void onDurable() {
                            outcomes.incrementAndGet();
                            durable.add(id);
                            f.complete(true);
                        }

                        @Override
                        public void onFailed(StoreException error) {
                            outcomes.incrementAndGet();
                            if (error.kind() != StoreException.Kind.CLOSED) {
                                unexpected.incrementAndGet();
                            }
                            f.complete(false);
                        }
                    });
                    running.countDown();
                    try {
                        if (!f.get(10, TimeUnit.SECONDS)) {
                            return;
                        }
                    } catch (Exception e) {
                        unexpected.incrementAndGet();
                        return;
                    }
                }
            }, "appender-" + t));
        }
        workers.forEach(Thread::start);
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        j.close();
        for (Thread w : workers) {
            w.join(10_000);
            assertThat(w.isAlive()).as("%s ended after the close", w.getName()).isFalse();
        }
        assertThat(unexpected).hasValue(0);
        assertThat(outcomes).as("one outcome per append").hasValue(appended.get());
        assertThat(new HashSet<>(liveIds())).containsAll(durable);
    }

    /**
     * Waits until the journal's writer thread has parked, idle: a waiting append writes its own
     * round only then (not while the writer is between two of its steps).
     */
    private void awaitWriterParked() {
        String name = "ferrymq-journal-" + dir;
        Thread writer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no thread named " + name));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.getState() != Thread.State.WAITING && writer.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime() - deadline).as("the writer thread parks").isNegative();
            Thread.onSpinWait();
        }
    }

    private List<Long> liveIds() {
        List<Long> ids = new ArrayList<>();
        try (Journal j = Journals.open(JournalConfig.file(dir), r -> ids.add(r.id()))) {
            return ids;
        }
    }

    /** A callback that records its thread and whether written bytes were unforced when it ran. */
    private final class Observed implements AppendCallback {
        final CompletableFuture<Void> future = new CompletableFuture<>();
        final AtomicReference<Thread> thread = new AtomicReference<>();
        final AtomicReference<Boolean> unforced = new AtomicReference<>();

        @Override
        public void onDurable() {
            thread.set(Thread.currentThread());
            unforced.set(files.hasUnforcedWrites());
            future.complete(null);
        }

        @Override
        public void onFailed(StoreException error) {
            thread.set(Thread.currentThread());
            future.completeExceptionally(error);
        }
    }
}
