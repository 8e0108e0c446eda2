package dev.ferrymq.store;

import dev.ferrymq.spi.config.OptionValues;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open a {@link Journal}: in memory, or in files in a directory with a sync policy and a
 * file size. Immutable and thread-safe; the {@code with…} methods return changed copies.
 */
public final class JournalConfig {

    private final Path directory;
    private final SyncPolicy syncPolicy;
    private final long syncIntervalMillis;
    private final int journalFileSize;
    private final ChannelFactory channelFactory;
    private final boolean preallocate;

    private JournalConfig(Path directory, SyncPolicy syncPolicy, long syncIntervalMillis, int journalFileSize,
                          ChannelFactory channelFactory, boolean preallocate) {
        this.preallocate = preallocate;
        this.directory = directory;
        this.syncPolicy = syncPolicy;
        this.syncIntervalMillis = syncIntervalMillis;
        this.journalFileSize = journalFileSize;
        this.channelFactory = channelFactory;
    }

    /** A file journal in {@code directory} with the options' defaults. */
    public static JournalConfig file(Path directory) {
        return new JournalConfig(Objects.requireNonNull(directory, "directory"), SyncPolicy.ALWAYS,
                StoreOptions.SYNC_INTERVAL.defaultValue(), StoreOptions.JOURNAL_FILE_SIZE.defaultValue(),
                ChannelFactory.DEFAULT, StoreOptions.JOURNAL_PREALLOCATE.defaultValue());
    }

    /** An in-memory journal: nothing on disk. */
    public static JournalConfig memory() {
        return new JournalConfig(null, SyncPolicy.ALWAYS, StoreOptions.SYNC_INTERVAL.defaultValue(),
                StoreOptions.JOURNAL_FILE_SIZE.defaultValue(), ChannelFactory.DEFAULT, false);
    }

    /**
     * The configuration the {@link StoreOptions} in {@code values} describe.
     *
     * @param brokerName names the default directory {@code ferrymq-data/<brokerName>}
     * @throws IllegalArgumentException naming the option whose value is invalid
     */
    public static JournalConfig from(OptionValues values, String brokerName) {
        String dir = values.get(StoreOptions.DATA_DIRECTORY).trim();
        Path path;
        try {
            path = dir.isEmpty() ? Path.of("ferrymq-data", brokerName) : Path.of(dir);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid value '" + dir + "' for option '"
                    + StoreOptions.DATA_DIRECTORY.name() + "': " + e.getMessage(), e);
        }
        JournalConfig file = file(path.toAbsolutePath())
                .withSyncPolicy(values.get(StoreOptions.SYNC_POLICY))
                .withSyncIntervalMillis(values.get(StoreOptions.SYNC_INTERVAL))
                .withJournalFileSize(values.get(StoreOptions.JOURNAL_FILE_SIZE))
                .withPreallocate(values.get(StoreOptions.JOURNAL_PREALLOCATE));
        return values.get(StoreOptions.STORE) == StoreKind.MEMORY ? memory() : file;
    }

    public JournalConfig withSyncPolicy(SyncPolicy policy) {
        return new JournalConfig(directory, Objects.requireNonNull(policy), syncIntervalMillis, journalFileSize,
                channelFactory, preallocate);
    }

    public JournalConfig withSyncIntervalMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("sync interval must not be negative: " + millis);
        }
        return new JournalConfig(directory, syncPolicy, millis, journalFileSize, channelFactory, preallocate);
    }

    public JournalConfig withJournalFileSize(int bytes) {
        if (bytes < 4096) {
            throw new IllegalArgumentException("journal file size must be at least 4096 bytes: " + bytes);
        }
        return new JournalConfig(directory, syncPolicy, syncIntervalMillis, bytes, channelFactory, preallocate);
    }

    /** Replaces how files are opened: for tests that count forces or simulate a full disk. */
    public JournalConfig withChannelFactory(ChannelFactory factory) {
        return new JournalConfig(directory, syncPolicy, syncIntervalMillis, journalFileSize,
                Objects.requireNonNull(factory), preallocate);
    }

    /** Whether the next journal file is prepared ahead, filled with zeros ({@link StoreOptions#JOURNAL_PREALLOCATE}). */
    public JournalConfig withPreallocate(boolean on) {
        return new JournalConfig(directory, syncPolicy, syncIntervalMillis, journalFileSize, channelFactory, on);
    }

    public boolean preallocate() {
        return preallocate;
    }

    public boolean isInMemory() {
        return directory == null;
    }

    /** The data directory; null for an in-memory journal. */
    public Path directory() {
        return directory;
    }

    public SyncPolicy syncPolicy() {
        return syncPolicy;
    }

    public long syncIntervalMillis() {
        return syncIntervalMillis;
    }

    public int journalFileSize() {
        return journalFileSize;
    }

    public ChannelFactory channelFactory() {
        return channelFactory;
    }

    @Override
    public String toString() {
        return isInMemory() ? "JournalConfig[memory]" : "JournalConfig[" + directory + ", syncPolicy="
                + syncPolicy.optionValue() + ", syncInterval=" + syncIntervalMillis + "ms, journalFileSize="
                + journalFileSize + ", preallocate=" + preallocate + "]";
    }
}
