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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit and the sync policies, observed through an instrumented channel (force counts,
 * unforced bytes), never through timing. Spec "Message delivery mode": under the default policy a
 * send that returned is on disk.
 */
class SyncPolicyTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    @DisplayName("Message delivery mode: under syncPolicy=always every callback runs after a force covering its bytes")
    void alwaysForcesBeforeCallback() throws Exception {
        FaultyFiles files = new FaultyFiles();
        AtomicInteger unforcedAtCallback = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(500);
        try (Journal j = Journals.open(JournalConfig.file(dir).withChannelFactory(files), RecoveryListener.IGNORE)) {
            for (int i = 0; i < 500; i++) {
                j.append(Batch.add(i, (byte) 1, new byte[64]), new AppendCallback() {
                    @Override
                    public void onDurable() {
                        if (files.hasUnforcedWrites()) {
                            unforcedAtCallback.incrementAndGet();
                        }
                        done.countDown();
                    }

                    @Override
                    public void onFailed(StoreException error) {
                    }
                });
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(unforcedAtCallback).hasValue(0);
    }

    @Test
    @Timeout(60)
    @DisplayName("Group commit: 16 producers share forces — fewer forces than appends, and all 16 first appends share at most two")
    void concurrentProducersShareForces() throws Exception {
        FaultyFiles files = new FaultyFiles();
        int producers = 16;
        int perProducer = 50;
        CountDownLatch firstSubmitted = new CountDownLatch(producers);
        files.forceGate = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger forcesSeenByFirstWave = new AtomicInteger();
        try (Journal j = Journals.open(JournalConfig.file(dir).withChannelFactory(files), RecoveryListener.IGNORE)) {
            for (int p = 0; p < producers; p++) {
                int producer = p;
                threads.add(new Thread(() -> {
                    try {
                        CompletableFuture<Void> first = new CompletableFuture<>();
                        j.append(Batch.add(producer * 1000L, (byte) 1, new byte[1024]), new AppendCallback() {
                            @Override
                            public void onDurable() {
                                forcesSeenByFirstWave.accumulateAndGet(files.forces.get(), Math::max);
                                first.complete(null);
                            }

                            @Override
                            public void onFailed(StoreException error) {
                                first.completeExceptionally(error);
                            }
                        });
                        firstSubmitted.countDown();
                        first.get(30, TimeUnit.SECONDS);
                        for (int i = 1; i < perProducer; i++) {
                            j.append(Batch.add(producer * 1000L + i, (byte) 1, new byte[1024])).get(30, TimeUnit.SECONDS);
                        }
                    } catch (Exception e) {
                        errors.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            assertThat(firstSubmitted.await(30, TimeUnit.SECONDS)).isTrue();
            files.forceGate.countDown();
            files.forceGate = null;
            for (Thread t : threads) {
                t.join();
            }
            assertThat(errors).isEmpty();
            assertThat(j.stats().liveRecords()).isEqualTo(producers * perProducer);
        }
        // one force for the new file's header, then at most two rounds for the 16 first appends
        assertThat(forcesSeenByFirstWave.get()).isLessThanOrEqualTo(3);
        assertThat(files.forces.get()).isLessThan(producers * perProducer);
    }

    @Test
    @Timeout(60)
    @DisplayName("syncPolicy=interval: appends complete without a force; the writer forces within the interval and on close")
    void intervalCompletesBeforeForce() throws Exception {
        FaultyFiles files = new FaultyFiles();
        JournalConfig lazy = JournalConfig.file(dir.resolve("lazy")).withSyncPolicy(SyncPolicy.INTERVAL)
                .withSyncIntervalMillis(3_600_000).withChannelFactory(files);
        try (Journal j = Journals.open(lazy, RecoveryListener.IGNORE)) {
            for (int i = 0; i < 50; i++) {
                j.append(Batch.add(i, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            }
            assertThat(files.forces).as("only the new file's header was forced").hasValue(1);
            assertThat(files.hasUnforcedWrites()).isTrue();
        }
        assertThat(files.hasUnforcedWrites()).as("close forces").isFalse();

        FaultyFiles periodic = new FaultyFiles();
        JournalConfig quick = JournalConfig.file(dir.resolve("quick")).withSyncPolicy(SyncPolicy.INTERVAL)
                .withSyncIntervalMillis(20).withChannelFactory(periodic);
        try (Journal j = Journals.open(quick, RecoveryListener.IGNORE)) {
            CountDownLatch headerAndPeriodic = new CountDownLatch(2);
            periodic.forced = headerAndPeriodic;
            j.append(Batch.add(1, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            assertThat(headerAndPeriodic.await(10, TimeUnit.SECONDS)).as("a periodic force without further appends").isTrue();
            assertThat(periodic.forces).hasValue(2);
            assertThat(periodic.hasUnforcedWrites()).isFalse();
        }
    }

    @Test
    @DisplayName("syncPolicy=never: no force until close")
    void neverForcesUntilClose() throws Exception {
        FaultyFiles files = new FaultyFiles();
        try (Journal j = Journals.open(JournalConfig.file(dir).withSyncPolicy(SyncPolicy.NEVER).withChannelFactory(files),
                RecoveryListener.IGNORE)) {
            for (int i = 0; i < 20; i++) {
                j.append(Batch.add(i, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            }
            assertThat(files.forces).hasValue(1);
        }
        assertThat(files.forces).hasValue(2);
    }
}
