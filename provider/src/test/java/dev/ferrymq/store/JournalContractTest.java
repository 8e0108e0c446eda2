package dev.ferrymq.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Journal} does, checked once and run against each implementation (file and
 * in-memory), so code tested on one behaves the same on the other. Spec: "Message delivery mode"
 * (a PERSISTENT message must survive a provider failure) and "Transactions" (a commit is atomic).
 */
public abstract class JournalContractTest {

    protected Journal journal;

    /** A new, empty journal. */
    protected abstract Journal openFresh() throws Exception;

    /** Closes {@code j} and opens it again, giving the recovered records to {@code sink}. */
    protected abstract Journal reopen(Journal j, List<LiveRecord> sink) throws Exception;

    @AfterEach
    void closeJournal() {
        if (journal != null) {
            journal.close();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private List<LiveRecord> restart() throws Exception {
        List<LiveRecord> recovered = new ArrayList<>();
        journal = reopen(journal, recovered);
        return recovered;
    }

    private static void await(CompletableFuture<Void> f) throws Exception {
        f.get(10, TimeUnit.SECONDS);
    }

    private static StoreException failure(CompletableFuture<Void> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(StoreException.class);
            return (StoreException) e.getCause();
        }
        throw new AssertionError("append succeeded but should have failed");
    }

    @Test
    @DisplayName("Message delivery mode: added records come back after a restart, in append order, with type and payload")
    void addedRecordsAreRecoveredInOrder() throws Exception {
        journal = openFresh();
        long a = journal.nextId();
        long b = journal.nextId();
        long c = journal.nextId();
        await(journal.append(Batch.add(b, (byte) 7, bytes("second id, first append"))));
        await(journal.append(Batch.add(a, (byte) 8, bytes("first id"))));
        await(journal.append(Batch.add(c, (byte) 9, new byte[0])));

        List<LiveRecord> recovered = restart();

        assertThat(recovered).extracting(LiveRecord::id).containsExactly(b, a, c);
        assertThat(recovered).extracting(LiveRecord::type).containsExactly((byte) 7, (byte) 8, (byte) 9);
        assertThat(text(recovered.get(0).payload())).isEqualTo("second id, first append");
        assertThat(recovered.get(2).payload()).isEmpty();
        assertThat(recovered).allSatisfy(r -> assertThat(r.updates()).isEmpty());
    }

    @Test
    @DisplayName("Reliability: updates come back with their record, oldest first (e.g. delivery counts)")
    void updatesAreRecoveredWithTheirAdd() throws Exception {
        journal = openFresh();
        long id = journal.nextId();
        long other = journal.nextId();
        await(journal.append(Batch.add(id, (byte) 1, bytes("msg"))));
        await(journal.append(Batch.add(other, (byte) 1, bytes("other"))));
        await(journal.append(Batch.update(id, (byte) 2, bytes("count=1"))));
        await(journal.append(Batch.update(other, (byte) 2, bytes("other count=1"))));
        await(journal.append(Batch.update(id, (byte) 3, bytes("count=2"))));

        List<LiveRecord> recovered = restart();

        assertThat(recovered).extracting(LiveRecord::id).containsExactly(id, other);
        assertThat(recovered.get(0).updates()).extracting(u -> u.type() + ":" + text(u.payload()))
                .containsExactly("2:count=1", "3:count=2");
        assertThat(recovered.get(1).updates()).extracting(u -> text(u.payload())).containsExactly("other count=1");
    }

    @Test
    @DisplayName("Message acknowledgment: a deleted record and its updates are not recovered")
    void deletedRecordsAreNotRecovered() throws Exception {
        journal = openFresh();
        long kept = journal.nextId();
        long acked = journal.nextId();
        await(journal.append(Batch.add(kept, (byte) 1, bytes("kept"))));
        await(journal.append(Batch.add(acked, (byte) 1, bytes("acked"))));
        await(journal.append(Batch.update(acked, (byte) 2, bytes("count"))));
        await(journal.append(Batch.delete(acked)));

        List<LiveRecord> recovered = restart();

        assertThat(recovered).extracting(LiveRecord::id).containsExactly(kept);
        assertThat(journal.stats().liveRecords()).isEqualTo(1);
    }

    @Test
    @DisplayName("Transactions: a batch applies all its operations together (send and acknowledge in one commit)")
    void batchAppliesAllOperations() throws Exception {
        journal = openFresh();
        long consumed = journal.nextId();
        await(journal.append(Batch.add(consumed, (byte) 1, bytes("in"))));
        long produced = journal.nextId();
        long transient_ = journal.nextId();
        await(journal.append(Batch.builder()
                .add(produced, (byte) 1, bytes("out"))
                .add(transient_, (byte) 1, bytes("added and deleted in one batch"))
                .update(produced, (byte) 2, bytes("marked"))
                .delete(transient_)
                .delete(consumed)
                .build()));

        List<LiveRecord> recovered = restart();

        assertThat(recovered).extracting(LiveRecord::id).containsExactly(produced);
        assertThat(recovered.get(0).updates()).hasSize(1);
    }

    @Test
    @DisplayName("Transactions: a batch with one invalid operation is rejected whole with INVALID_OPERATION")
    void invalidBatchIsRejectedWhole() throws Exception {
        journal = openFresh();
        long live = journal.nextId();
        long unknown = journal.nextId();
        long fresh = journal.nextId();
        await(journal.append(Batch.add(live, (byte) 1, bytes("live"))));

        assertThat(failure(journal.append(Batch.add(live, (byte) 1, bytes("again")))).kind())
                .isEqualTo(StoreException.Kind.INVALID_OPERATION);
        StoreException updateUnknown = failure(journal.append(Batch.update(unknown, (byte) 1, bytes("x"))));
        assertThat(updateUnknown.kind()).isEqualTo(StoreException.Kind.INVALID_OPERATION);
        assertThat(updateUnknown).hasMessageContaining("record id " + unknown);
        assertThat(failure(journal.append(Batch.delete(unknown))).kind()).isEqualTo(StoreException.Kind.INVALID_OPERATION);
        assertThat(failure(journal.append(Batch.builder().add(fresh, (byte) 1, bytes("fresh")).delete(live)
                .delete(unknown).build())).kind()).isEqualTo(StoreException.Kind.INVALID_OPERATION);

        await(journal.append(Batch.add(fresh, (byte) 1, bytes("fresh, now alone"))));
        List<LiveRecord> recovered = restart();
        assertThat(recovered).extracting(r -> text(r.payload())).containsExactly("live", "fresh, now alone");
    }

    @Test
    @DisplayName("Batches are checked against the live ids in order, including earlier batches not yet durable")
    void laterBatchSeesEarlierPendingBatch() throws Exception {
        journal = openFresh();
        long id = journal.nextId();
        CompletableFuture<Void> add = journal.append(Batch.add(id, (byte) 1, bytes("a")));
        CompletableFuture<Void> update = journal.append(Batch.update(id, (byte) 2, bytes("u")));
        CompletableFuture<Void> delete = journal.append(Batch.delete(id));
        CompletableFuture<Void> readd = journal.append(Batch.add(id, (byte) 3, bytes("b")));
        await(add);
        await(update);
        await(delete);
        await(readd);

        List<LiveRecord> recovered = restart();
        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo((byte) 3);
            assertThat(r.updates()).isEmpty();
        });
    }

    @Test
    @DisplayName("Appends after close fail with CLOSED through the callback, exactly once")
    void appendAfterCloseFails() throws Exception {
        journal = openFresh();
        journal.close();
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<StoreException> failed = new CompletableFuture<>();
        journal.append(Batch.add(1, (byte) 1, bytes("late")), new AppendCallback() {
            @Override
            public void onDurable() {
                calls.incrementAndGet();
            }

            @Override
            public void onFailed(StoreException error) {
                calls.incrementAndGet();
                failed.complete(error);
            }
        });
        assertThat(failed.get(10, TimeUnit.SECONDS).kind()).isEqualTo(StoreException.Kind.CLOSED);
        assertThat(calls).hasValue(1);
        journal.close();
    }

    @Test
    @DisplayName("Bad arguments throw at once: null batch or callback, empty batch")
    void badArguments() throws Exception {
        journal = openFresh();
        assertThatThrownBy(() -> journal.append(null, Mockless.CALLBACK)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> journal.append(Batch.delete(1), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Batch.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one operation");
        assertThatThrownBy(() -> Batch.add(1, (byte) 1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @Timeout(60)
    @DisplayName("Reliability: concurrent appends from many threads all complete exactly once and all recover, per-thread order kept")
    void concurrentAppendsAllRecover() throws Exception {
        journal = openFresh();
        int threads = 8;
        int perThread = 250;
        Map<Long, String> expected = new HashMap<>();
        List<Thread> workers = new ArrayList<>();
        AtomicInteger callbacks = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads * perThread);
        long[][] ids = new long[threads][perThread];
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                ids[t][i] = journal.nextId();
                expected.put(ids[t][i], t + "/" + i);
            }
        }
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    journal.append(Batch.add(ids[thread][i], (byte) thread, bytes(thread + "/" + i)), new AppendCallback() {
                        @Override
                        public void onDurable() {
                            callbacks.incrementAndGet();
                            done.countDown();
                        }

                        @Override
                        public void onFailed(StoreException error) {
                            callbacks.incrementAndGet();
                        }
                    });
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(callbacks).hasValue(threads * perThread);

        List<LiveRecord> recovered = restart();

        Map<Long, String> actual = new HashMap<>();
        int[] lastIndex = new int[threads];
        java.util.Arrays.fill(lastIndex, -1);
        for (LiveRecord r : recovered) {
            String p = text(r.payload());
            actual.put(r.id(), p);
            int i = Integer.parseInt(p.substring(p.indexOf('/') + 1));
            assertThat(i).as("order within thread %d", r.type()).isGreaterThan(lastIndex[r.type()]);
            lastIndex[r.type()] = i;
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    @Timeout(60)
    @DisplayName("Reliability: appends, background appends and waiting appends from many threads complete once each, in each thread's order, and all recover")
    void mixedAppendKindsKeepEachThreadsOrder() throws Exception {
        journal = openFresh();
        int threads = 6;
        int perThread = 300;
        long[][] ids = new long[threads][perThread];
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                ids[t][i] = journal.nextId();
            }
        }
        List<List<Integer>> completed = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            completed.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(threads * perThread);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int index = i;
                    CountDownLatch durable = new CountDownLatch(1);
                    AppendCallback callback = new AppendCallback() {
                        @Override
                        public void onDurable() {
                            completed.get(thread).add(index);
                            durable.countDown();
                            all.countDown();
                        }

                        @Override
                        public void onFailed(StoreException error) {
                            failures.incrementAndGet();
                            durable.countDown();
                            all.countDown();
                        }
                    };
                    Batch batch = Batch.add(ids[thread][i], (byte) thread, bytes(thread + "/" + i));
                    switch ((thread + i) % 3) {
                        case 0 -> journal.append(batch, callback);
                        case 1 -> journal.appendBackground(batch, callback);
                        default -> {
                            journal.appendWaiting(batch, callback);
                            try {
                                durable.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    }
                }
            }, "appender-" + t));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join(30_000);
        }
        assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).hasValue(0);
        for (int t = 0; t < threads; t++) {
            assertThat(completed.get(t)).as("callbacks of thread %d in append order", t)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perThread).boxed().toList());
        }

        List<LiveRecord> recovered = restart();

        assertThat(recovered).hasSize(threads * perThread);
        int[] lastIndex = new int[threads];
        java.util.Arrays.fill(lastIndex, -1);
        for (LiveRecord r : recovered) {
            String p = text(r.payload());
            int i = Integer.parseInt(p.substring(p.indexOf('/') + 1));
            assertThat(i).as("recovered order within thread %d", r.type()).isGreaterThan(lastIndex[r.type()]);
            lastIndex[r.type()] = i;
        }
    }

    @Test
    @Timeout(30)
    @DisplayName("A waiting append is checked like any other: an invalid batch fails whole, the next one succeeds")
    void waitingAppendIsValidated() throws Exception {
        journal = openFresh();
        CompletableFuture<Void> bad = new CompletableFuture<>();
        journal.appendWaiting(Batch.delete(42), futureCallback(bad));
        assertThat(failure(bad).kind()).isEqualTo(StoreException.Kind.INVALID_OPERATION);
        CompletableFuture<Void> good = new CompletableFuture<>();
        journal.appendWaiting(Batch.add(43, (byte) 1, bytes("ok")), futureCallback(good));
        await(good);
        assertThat(restart()).extracting(LiveRecord::id).containsExactly(43L);
    }

    private static AppendCallback futureCallback(CompletableFuture<Void> f) {
        return new AppendCallback() {
            @Override
            public void onDurable() {
                f.complete(null);
            }

            @Override
            public void onFailed(StoreException error) {
                f.completeExceptionally(error);
            }
        };
    }

    @Test
    @DisplayName("A callback that throws does not stop the journal: later appends complete and recover")
    void throwingCallbackIsContained() throws Exception {
        journal = openFresh();
        try {
            journal.append(Batch.add(1, (byte) 1, bytes("one")), new AppendCallback() {
                @Override
                public void onDurable() {
                    throw new IllegalStateException("callback bug (expected by the test)");
                }

                @Override
                public void onFailed(StoreException error) {
                }
            });
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("expected by the test");
        }
        await(journal.append(Batch.add(2, (byte) 1, bytes("two"))));
        assertThat(restart()).extracting(LiveRecord::id).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("nextId after a restart is above every recovered id")
    void nextIdIsAboveRecoveredIds() throws Exception {
        journal = openFresh();
        long big = 1_000_000;
        await(journal.append(Batch.add(big, (byte) 1, bytes("x"))));
        restart();
        assertThat(journal.nextId()).isGreaterThan(big);
    }

    @Test
    @DisplayName("Stats count live records and bytes")
    void statsCountLiveRecords() throws Exception {
        journal = openFresh();
        await(journal.append(Batch.add(1, (byte) 1, new byte[100])));
        await(journal.append(Batch.add(2, (byte) 1, new byte[100])));
        await(journal.append(Batch.delete(1)));
        JournalStats stats = journal.stats();
        assertThat(stats.liveRecords()).isEqualTo(1);
        assertThat(stats.liveBytes()).isBetween(100L, 200L);
        assertThat(stats.batches()).isEqualTo(3);
    }

    /** A callback that ignores everything. */
    enum Mockless implements AppendCallback {
        CALLBACK;

        @Override
        public void onDurable() {
        }

        @Override
        public void onFailed(StoreException error) {
        }
    }
}
