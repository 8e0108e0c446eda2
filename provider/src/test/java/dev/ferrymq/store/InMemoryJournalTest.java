package dev.ferrymq.store;

import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal contract on the in-memory journal; {@link InMemoryJournal#reopen} stands in for a restart. */
class InMemoryJournalTest extends JournalContractTest {

    @Override
    protected Journal openFresh() {
        return Journals.open(JournalConfig.memory(), RecoveryListener.IGNORE);
    }

    @Override
    protected Journal reopen(Journal j, List<LiveRecord> sink) {
        j.close();
        return ((InMemoryJournal) j).reopen(sink::add);
    }

    @Test
    @DisplayName("Message delivery mode: the in-memory journal calls back on the appending thread, before append returns")
    void callbackRunsOnCallerThread() {
        journal = openFresh();
        Thread[] seen = new Thread[1];
        journal.append(Batch.add(1, (byte) 1, new byte[1]), new AppendCallback() {
            @Override
            public void onDurable() {
                seen[0] = Thread.currentThread();
            }

            @Override
            public void onFailed(StoreException error) {
            }
        });
        assertThat(seen[0]).isSameAs(Thread.currentThread());
        assertThat(journal.recoveryReport().isClean()).isTrue();
    }

    @Test
    @DisplayName("reopen of an open in-memory journal is refused")
    void reopenNeedsClose() {
        InMemoryJournal j = InMemoryJournal.open(RecoveryListener.IGNORE);
        journal = j;
        assertThatThrownBy(() -> j.reopen(RecoveryListener.IGNORE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close");
    }
}
