package dev.ferrymq.engine.persistence;

import dev.ferrymq.engine.exec.EngineThreads;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.store.AppendCallback;
import dev.ferrymq.store.Batch;
import dev.ferrymq.store.InMemoryJournal;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.JournalStats;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.RecoveryReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which journal call a commit of {@link Writes} makes (issue #15): a waiting append only when the
 * caller blocks on the completion ({@link Completion#callerWaits()}) and is not an engine thread,
 * which must never block on I/O; otherwise an ordinary append. And where the commit's action
 * (enqueueing its messages) runs: on the committing thread after the journal call returned when
 * that thread wrote the round itself, otherwise as engine work on the thread that wrote.
 */
@Timeout(30)
class WritesTest {

    private final Recording journal = new Recording(InMemoryJournal.open(RecoveryListener.IGNORE));

    @Test
    @DisplayName("Issue #15: a commit the application thread waits for is a waiting append")
    void waitingCallerOnApplicationThread() throws Exception {
        commit(new Waiting(true)).get(10, TimeUnit.SECONDS);
        assertThat(journal.calls).containsExactly("appendWaiting");
    }

    @Test
    @DisplayName("Issue #15: a commit nobody blocks on (an asynchronous send) is an ordinary append")
    void callerDoesNotWait() throws Exception {
        commit(new Waiting(false)).get(10, TimeUnit.SECONDS);
        assertThat(journal.calls).containsExactly("append");
    }

    @Test
    @DisplayName("Issue #15: on an engine thread even a waited-for commit is an ordinary append: engine threads never block on I/O")
    void engineThreadNeverWrites() throws Exception {
        CompletableFuture<Void>[] result = new CompletableFuture[1];
        EngineThreads.asEngine(() -> result[0] = commit(new Waiting(true)));
        result[0].get(10, TimeUnit.SECONDS);
        assertThat(journal.calls).containsExactly("append");
    }

    @Test
    @DisplayName("Issue #15: a waited-for commit whose own thread wrote the round applies on that thread, after the journal call returned, not as engine work")
    void ownRoundAppliesAfterTheCall() throws Exception {
        Holding held = new Holding(true);
        Where where = new Where(held);
        Waiting done = new Waiting(true);
        commit(held, where, done);
        assertThat(done.future).isCompleted();
        assertThat(where.threads).containsExactly(Thread.currentThread());
        assertThat(where.inEngine).containsExactly(false);
        assertThat(where.afterCall).containsExactly(true);
    }

    @Test
    @DisplayName("Issue #15: a waited-for commit whose round another thread wrote applies there, as engine work")
    void otherThreadsRoundAppliesThere() throws Exception {
        Holding held = new Holding(false);
        Where where = new Where(held);
        Waiting done = new Waiting(true);
        commit(held, where, done);
        Thread writer = new Thread(held::durable, "writes-test-writer");
        writer.start();
        done.future.get(10, TimeUnit.SECONDS);
        assertThat(where.threads).containsExactly(writer);
        assertThat(where.inEngine).containsExactly(true);
    }

    @Test
    @DisplayName("Issue #15: a commit made durable on its own thread only after its call returned (a later round that thread wrote) applies once, as engine work")
    void lateCallbackOnTheSameThreadAppliesOnce() throws Exception {
        Holding held = new Holding(false);
        Where where = new Where(held);
        Waiting done = new Waiting(true);
        commit(held, where, done);
        assertThat(where.threads).isEmpty();
        held.durable();
        assertThat(done.future).isCompleted();
        assertThat(where.threads).containsExactly(Thread.currentThread());
        assertThat(where.inEngine).containsExactly(true);
    }

    @Test
    @DisplayName("Issue #15: when handing a durable commit to its queues throws, the waiting caller is failed, not left waiting")
    void throwingApplyFailsTheCompletion() {
        for (boolean ownRound : new boolean[] {true, false}) {
            Holding held = new Holding(ownRound);
            Waiting done = new Waiting(true);
            Writes writes = new Writes(held, "writes-test", JournalConfig.memory(), () -> false);
            writes.delete(7);
            writes.commit("send a message", false, () -> {
                throw new IllegalStateException("queue gone");
            }, done);
            if (!ownRound) {
                held.durable();
            }
            assertThat(done.future).failsWithin(java.time.Duration.ZERO).withThrowableThat()
                    .havingCause().isInstanceOf(EngineException.class)
                    .withMessageContaining("cannot send a message: it was stored").withMessageContaining("queue gone");
        }
    }

    private static void commit(Holding journal, Where where, Waiting done) {
        Writes writes = new Writes(journal, "writes-test", JournalConfig.memory(), () -> false);
        writes.delete(7);
        writes.commit("acknowledge", false, where::record, done);
    }

    private CompletableFuture<Void> commit(Waiting done) {
        long id = journal.nextId();
        journal.append(Batch.add(id, (byte) 1, new byte[1])).join();
        journal.calls.clear();
        Writes writes = new Writes(journal, "writes-test", JournalConfig.memory(), () -> false);
        writes.delete(id);
        writes.commit("acknowledge", false, () -> { }, done);
        return done.future;
    }

    /** A completion that says whether its caller waits. */
    private static final class Waiting implements Completion<Void> {
        final CompletableFuture<Void> future = new CompletableFuture<>();
        private final boolean waits;

        Waiting(boolean waits) {
            this.waits = waits;
        }

        @Override
        public boolean callerWaits() {
            return waits;
        }

        @Override
        public void complete(Void result) {
            future.complete(null);
        }

        @Override
        public void fail(EngineException error) {
            future.completeExceptionally(error);
        }
    }

    /** Records where and when a commit's action ran. */
    private static final class Where {
        final List<Thread> threads = new ArrayList<>();
        final List<Boolean> inEngine = new ArrayList<>();
        final List<Boolean> afterCall = new ArrayList<>();
        private final Holding journal;

        Where(Holding journal) {
            this.journal = journal;
        }

        void record() {
            threads.add(Thread.currentThread());
            inEngine.add(EngineThreads.inEngine());
            afterCall.add(!journal.inCall);
        }
    }

    /**
     * A journal whose {@code appendWaiting} either makes the append durable at once on the calling
     * thread, as a thread writing its own round does, or keeps the callback for {@link #durable}.
     */
    private static final class Holding implements Journal {
        private final boolean ownRound;
        private AppendCallback held;
        volatile boolean inCall;

        Holding(boolean ownRound) {
            this.ownRound = ownRound;
        }

        void durable() {
            held.onDurable();
        }

        @Override
        public long nextId() {
            return 1;
        }

        @Override
        public void append(Batch batch, AppendCallback callback) {
            throw new AssertionError("expected a waiting append");
        }

        @Override
        public void appendWaiting(Batch batch, AppendCallback callback) {
            inCall = true;
            try {
                if (ownRound) {
                    callback.onDurable();
                } else {
                    held = callback;
                }
            } finally {
                inCall = false;
            }
        }

        @Override
        public RecoveryReport recoveryReport() {
            throw new UnsupportedOperationException();
        }

        @Override
        public JournalStats stats() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    /** A journal that records which append method was called. */
    private static final class Recording implements Journal {
        final List<String> calls = new ArrayList<>();
        private final Journal delegate;

        Recording(Journal delegate) {
            this.delegate = delegate;
        }

        @Override
        public long nextId() {
            return delegate.nextId();
        }

        @Override
        public void append(Batch batch, AppendCallback callback) {
            calls.add("append");
            delegate.append(batch, callback);
        }

        @Override
        public void appendWaiting(Batch batch, AppendCallback callback) {
            calls.add("appendWaiting");
            delegate.appendWaiting(batch, callback);
        }

        @Override
        public RecoveryReport recoveryReport() {
            return delegate.recoveryReport();
        }

        @Override
        public JournalStats stats() {
            return delegate.stats();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
