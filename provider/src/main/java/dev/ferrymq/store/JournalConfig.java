package dev.ferrymq.store;

import dev.ferrymq.spi.config.OptionValues;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open a {@link Journal}: in memory, or in files in a directory with a sync policy and a
 * file size. Immutable and thread-safe; the {@code with…} methods return changed copies.
 */
public final class JournalConfig {

    /**
     * The default of {@link #backgroundDelayMillis()}: 2 ms, long enough for a single producer's
     * next send to arrive after its last one completed, short enough that a background write
     * (an AUTO_ACKNOWLEDGE acknowledgement, a delivery mark) is on disk soon on an idle broker.
     */
    public static final long DEFAULT_BACKGROUND_DELAY_MILLIS = 2;

    private final Path directory;
    private final SyncPolicy syncPolicy;
    private final long syncIntervalMillis;
    private final int journalFileSize;
    private final ChannelFactory channelFactory;
    private final boolean preallocate;
    private final long backgroundDelayMillis;

    private JournalConfig(Path directory, SyncPolicy syncPolicy, long syncIntervalMillis, int journalFileSize,
                          ChannelFactory channelFactory, boolean preallocate) {
        this(directory, syncPolicy, syncIntervalMillis, journalFileSize, channelFactory, preallocate,
                DEFAULT_BACKGROUND_DELAY_MILLIS);
    }

    private JournalConfig(Path directory, SyncPolicy syncPolicy, long syncIntervalMillis, int journalFileSize,
                          ChannelFactory channelFactory, boolean preallocate, long backgroundDelayMillis) {
        this.backgroundDelayMillis = backgroundDelayMillis;
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
                channelFactory, preallocate,
                backgroundDelayMillis);
    }

    public JournalConfig withSyncIntervalMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("sync interval must not be negative: " + millis);
        }
        return new JournalConfig(directory, syncPolicy, millis, journalFileSize, channelFactory, preallocate,
                backgroundDelayMillis);
    }

    public JournalConfig withJournalFileSize(int bytes) {
        if (bytes < 4096) {
            throw new IllegalArgumentException("journal file size must be at least 4096 bytes: " + bytes);
        }
        return new JournalConfig(directory, syncPolicy, syncIntervalMillis, bytes, channelFactory, preallocate,
                backgroundDelayMillis);
    }

    /** Replaces how files are opened: for tests that count forces or simulate a full disk. */
    public JournalConfig withChannelFactory(ChannelFactory factory) {
        return new JournalConfig(directory, syncPolicy, syncIntervalMillis, journalFileSize,
                Objects.requireNonNull(factory), preallocate,
                backgroundDelayMillis);
    }

    /** Whether the next journal file is prepared ahead, filled with zeros ({@link StoreOptions#JOURNAL_PREALLOCATE}). */
    public JournalConfig withPreallocate(boolean on) {
        return new JournalConfig(directory, syncPolicy, syncIntervalMillis, journalFileSize, channelFactory, on,
                backgroundDelayMillis);
    }

    /**
     * The longest a {@link Journal#appendBackground background append} waits, under
     * {@link SyncPolicy#ALWAYS}, for an append that forces anyway before it is written and forced
     * alone. Not a broker URL option: tests shorten or lengthen it.
     *
     * @throws IllegalArgumentException when negative
     */
    public JournalConfig withBackgroundDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("background delay must not be negative: " + millis);
        }
        return new JournalConfig(directory, syncPolicy, syncIntervalMillis, journalFileSize, channelFactory, preallocate,
                millis);
    }

    public long backgroundDelayMillis() {
        return backgroundDelayMillis;
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
