package dev.ferrymq.store;

import dev.ferrymq.spi.BrokerUrl;
import dev.ferrymq.spi.config.OptionValues;
import dev.ferrymq.store.journals.Journals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store options as given in a broker URL: defaults, values, and errors naming the option. */
class StoreOptionsTest {

    private static JournalConfig config(String url) {
        BrokerUrl parsed = BrokerUrl.parse(url);
        return JournalConfig.from(OptionValues.parse(StoreOptions.ALL, parsed.options()), parsed.name());
    }

    @Test
    @DisplayName("Defaults: file store (unless system property ferrymq.store says otherwise) in ferrymq-data/<broker> under the working directory, fsync always, 32 MiB files")
    void defaults() {
        assertThat(StoreOptions.STORE.defaultText()).isEqualTo("file (system property ferrymq.store when set)");
        JournalConfig c = config("vm://orders?store=file");
        assertThat(c.isInMemory()).isFalse();
        assertThat(c.directory()).isEqualTo(Path.of("ferrymq-data", "orders").toAbsolutePath());
        assertThat(c.syncPolicy()).isEqualTo(SyncPolicy.ALWAYS);
        assertThat(c.journalFileSize()).isEqualTo(32 << 20);
        assertThat(c.syncIntervalMillis()).isEqualTo(10);
    }

    @Test
    @DisplayName("URL options set directory, sync policy (any case), interval and file size; store=memory selects the in-memory journal")
    void values() {
        JournalConfig c = config("vm://x?store=file&dataDirectory=/tmp/ferry-x&syncPolicy=Interval&syncInterval=5&journalFileSize=65536");
        assertThat(c.directory()).isEqualTo(Path.of("/tmp/ferry-x"));
        assertThat(c.syncPolicy()).isEqualTo(SyncPolicy.INTERVAL);
        assertThat(c.syncIntervalMillis()).isEqualTo(5);
        assertThat(c.journalFileSize()).isEqualTo(65536);
        assertThat(config("vm://x?store=memory").isInMemory()).isTrue();
        try (Journal j = Journals.open(config("vm://x?store=memory"), RecoveryListener.IGNORE)) {
            assertThat(j).isInstanceOf(InMemoryJournal.class);
        }
    }

    @Test
    @DisplayName("Invalid values fail with IllegalArgumentException naming the option and the accepted values")
    void invalidValues() {
        assertThatThrownBy(() -> config("vm://x?syncPolicy=sometimes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("syncPolicy").hasMessageContaining("sometimes").hasMessageContaining("always");
        assertThatThrownBy(() -> config("vm://x?store=disk")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'store'").hasMessageContaining("file, memory");
        assertThatThrownBy(() -> config("vm://x?journalFileSize=100")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("journalFileSize").hasMessageContaining("4096");
        assertThatThrownBy(() -> OptionValues.parse(StoreOptions.ALL, Map.of("syncInterval", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syncInterval");
    }

    @Test
    @DisplayName("Every option is declared once with a description")
    void declaredOnce() {
        assertThat(StoreOptions.ALL).extracting(o -> o.name()).doesNotHaveDuplicates()
                .containsExactly("store", "dataDirectory", "syncPolicy", "syncInterval", "journalFileSize",
                        "journalPreallocate");
        assertThat(StoreOptions.ALL).allSatisfy(o -> assertThat(o.description()).isNotBlank());
    }
}
