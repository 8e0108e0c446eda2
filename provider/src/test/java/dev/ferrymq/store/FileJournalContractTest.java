package dev.ferrymq.store;

import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** The journal contract on the file journal; reopening reads the files back. */
class FileJournalContractTest extends JournalContractTest {

    @TempDir
    Path dir;

    private JournalConfig config() {
        return JournalConfig.file(dir).withJournalFileSize(64 * 1024);
    }

    @Override
    protected Journal openFresh() {
        return Journals.open(config(), RecoveryListener.IGNORE);
    }

    @Override
    protected Journal reopen(Journal j, List<LiveRecord> sink) {
        j.close();
        Journal reopened = Journals.open(config(), sink::add);
        org.assertj.core.api.Assertions.assertThat(reopened.recoveryReport().damages()).isEmpty();
        return reopened;
    }
}
