package dev.ferrymq.store;

import dev.ferrymq.spi.config.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * The store's options, given in the broker URL query (e.g.
 * {@code vm://orders?dataDirectory=/var/lib/orders&syncPolicy=interval}); the facade parses them
 * and the broker turns the typed values into a configuration with {@link JournalConfig#from}.
 *
 * <p>Threading contract: immutable constants.
 */
public final class StoreOptions {

    /** {@code store}: {@code file} or {@code memory}. */
    public static final Option<StoreKind> STORE = Option.choice("store", StoreKind.class, StoreKind.FILE,
            "Where persistent messages are kept: 'file' (a journal in dataDirectory that survives restarts and "
                    + "crashes) or 'memory' (nothing on disk, for tests and brokers that need no persistence).")
            .withSystemPropertyDefault("ferrymq.store");

    /** {@code dataDirectory}: empty means {@code ferrymq-data/<broker name>} under the working directory. */
    public static final Option<String> DATA_DIRECTORY = Option.string("dataDirectory", "",
            "Directory of the journal files and their lock file (created if missing); empty means "
                    + "ferrymq-data/<broker name> under the working directory. Only one broker, in any JVM, "
                    + "can use a directory at a time.").withDefaultText("ferrymq-data/{broker}")
            .withRule(dir -> Path.of(dir.trim()));

    /** {@code syncPolicy}: see {@link SyncPolicy}. */
    public static final Option<SyncPolicy> SYNC_POLICY = Option.choice("syncPolicy", SyncPolicy.class, SyncPolicy.ALWAYS,
            "When a persistent send, commit or acknowledgement counts as durable: 'always' (default; after fsync, "
                    + "concurrent operations share one fsync), 'interval' (after the write reaches the OS; fsync "
                    + "every syncInterval ms, so an OS crash or power loss may lose the last few milliseconds; a "
                    + "killed JVM loses nothing) or 'never' (tests only).");

    /** {@code syncInterval}: milliseconds between forces under {@code syncPolicy=interval}. */
    public static final Option<Long> SYNC_INTERVAL = Option.duration("syncInterval", 10,
            "Milliseconds between fsyncs when syncPolicy=interval: the most acknowledged work an OS crash may lose.");

    /** {@code journalFileSize}: bytes per journal file before the next one is started. */
    public static final Option<Integer> JOURNAL_FILE_SIZE = Option.integer("journalFileSize", 32 << 20, 4096,
            "Bytes per journal file before a new one is started (default 32 MiB). Files whose records are all "
                    + "deleted are removed; mostly dead ones are compacted. A single larger batch gets a file of its own size.");

    /** {@code journalPreallocate}: whether the next journal file is prepared ahead, filled with zeros. */
    public static final Option<Boolean> JOURNAL_PREALLOCATE = Option.bool("journalPreallocate", true,
            "Prepare the next journal file ahead of time on a background thread, filled with zeros, so that "
                    + "appends change no file metadata and each fsync flushes only data (about half the fsync "
                    + "latency on ext4). Costs writing each file's size once more; false grows files as they are written.");

    /** Every store option, in documentation order. */
    public static final List<Option<?>> ALL = List.of(STORE, DATA_DIRECTORY, SYNC_POLICY, SYNC_INTERVAL,
            JOURNAL_FILE_SIZE, JOURNAL_PREALLOCATE);

    private StoreOptions() {
    }
}
