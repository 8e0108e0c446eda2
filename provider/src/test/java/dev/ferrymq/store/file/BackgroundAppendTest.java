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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Background appends (issue #15: AUTO_ACKNOWLEDGE acknowledgements and delivery marks): under
 * syncPolicy=always they force no round of their own but ride along with the next append that
 * forces, or are forced alone after the background delay, and are still durable when their
 * callback runs. Observed through force counts of an instrumented channel, never through timing.
 * Spec "Message delivery mode" (a PERSISTENT send that returned is on disk) stays as it was.
 */
@Timeout(60)
class BackgroundAppendTest {

    private static final Duration FOREVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final FaultyFiles files = new FaultyFiles();

    private JournalConfig config(Duration delay) {
        return JournalConfig.file(dir).withChannelFactory(files).withPreallocate(false)
                .withBackgroundDelayMillis(delay.toMillis());
    }

    @Test
    @DisplayName("Issue #15: a background append waits for the next forcing append and shares its single force")
    void sharesTheNextForce() throws Exception {
        try (Journal j = Journals.open(config(FOREVER), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            int forcesBefore = files.forces.get();

            AtomicBoolean unforcedAtCallback = new AtomicBoolean();
            CompletableFuture<Void> background = background(j, Batch.delete(1), unforcedAtCallback);
            assertThatThrownBy(() -> background.get(300, TimeUnit.MILLISECONDS))
                    .as("still waiting for a forcing append").isInstanceOf(TimeoutException.class);
            assertThat(files.forces).as("no force for the background append alone").hasValue(forcesBefore);

            j.append(Batch.add(2, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            background.get(10, TimeUnit.SECONDS);
            assertThat(files.forces).as("one force for both").hasValue(forcesBefore + 1);
            assertThat(unforcedAtCallback).as("durable when its callback ran").isFalse();
        }
        assertThat(liveIds()).containsExactly(2L);
    }

    @Test
    @DisplayName("Issue #15: a background append with no company is forced alone once the delay has passed")
    void forcedAloneAfterTheDelay() throws Exception {
        try (Journal j = Journals.open(config(Duration.ofMillis(20)), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            int forcesBefore = files.forces.get();
            AtomicBoolean unforcedAtCallback = new AtomicBoolean();
            background(j, Batch.add(2, (byte) 1, new byte[100]), unforcedAtCallback).get(10, TimeUnit.SECONDS);
            assertThat(files.forces).hasValue(forcesBefore + 1);
            assertThat(unforcedAtCallback).isFalse();
        }
        assertThat(liveIds()).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("Issue #15: closing the journal writes and forces a waiting background append")
    void closeCompletesAWaitingBackgroundAppend() throws Exception {
        CompletableFuture<Void> background;
        try (Journal j = Journals.open(config(FOREVER), RecoveryListener.IGNORE)) {
            j.append(Batch.add(1, (byte) 1, new byte[100])).get(10, TimeUnit.SECONDS);
            background = background(j, Batch.add(2, (byte) 1, new byte[100]), new AtomicBoolean());
        }
        background.get(10, TimeUnit.SECONDS);
        assertThat(files.hasUnforcedWrites()).isFalse();
        assertThat(liveIds()).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("Issue #15: background and forcing appends of one thread keep their order")
    void keepsCallOrder() throws Exception {
        try (Journal j = Journals.open(config(FOREVER), RecoveryListener.IGNORE)) {
            CompletableFuture<Void> add = background(j, Batch.add(7, (byte) 1, new byte[10]), new AtomicBoolean());
            // valid only after the background add: a reordering would fail it
            j.append(Batch.delete(7)).get(10, TimeUnit.SECONDS);
            add.get(10, TimeUnit.SECONDS);
        }
        assertThat(liveIds()).isEmpty();
    }

    @Test
    @DisplayName("Issue #15: under syncPolicy=interval a background append completes without waiting for company")
    void intervalDoesNotWait() throws Exception {
        try (Journal j = Journals.open(config(FOREVER).withSyncPolicy(SyncPolicy.INTERVAL), RecoveryListener.IGNORE)) {
            background(j, Batch.add(1, (byte) 1, new byte[100]), new AtomicBoolean()).get(10, TimeUnit.SECONDS);
        }
        assertThat(liveIds()).containsExactly(1L);
    }

    private CompletableFuture<Void> background(Journal j, Batch batch, AtomicBoolean unforcedAtCallback) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        j.appendBackground(batch, new AppendCallback() {
            @Override
            public void onDurable() {
                if (files.hasUnforcedWrites()) {
                    unforcedAtCallback.set(true);
                }
                f.complete(null);
            }

            @Override
            public void onFailed(StoreException error) {
                f.completeExceptionally(error);
            }
        });
        return f;
    }

    private List<Long> liveIds() {
        List<Long> ids = new ArrayList<>();
        try (Journal j = Journals.open(JournalConfig.file(dir), r -> ids.add(r.id()))) {
            return ids;
        }
    }
}
