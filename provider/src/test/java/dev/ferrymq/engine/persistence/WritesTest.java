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
 * which must never block on I/O; otherwise an ordinary append.
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
