package dev.ferrymq.store.file;

import dev.ferrymq.store.AppendCallback;
import dev.ferrymq.store.Batch;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.JournalStats;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.RecoveryReport;
import dev.ferrymq.store.StoreException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link Journal} on files: numbered {@code journal-<n>.dat} files in a locked data
 * directory, written by one writer thread with group commit ({@link JournalWriter}), recovered
 * by {@link Recovery}, reclaimed and compacted by {@link Compactor}. The format is described in
 * {@link Format}.
 *
 * <p>Threading contract: as {@link Journal}; callbacks run on the writer thread, or on a thread
 * inside {@link #appendWaiting} that writes the round itself.
 */
public final class FileJournal implements Journal {

    private final Path directory;
    private final DirectoryLock lock;
    private final JournalWriter writer;
    private final AtomicLong ids;
    private final RecoveryReport report;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FileJournal(Path directory, DirectoryLock lock, JournalWriter writer, AtomicLong ids, RecoveryReport report) {
        this.directory = directory;
        this.lock = lock;
        this.writer = writer;
        this.ids = ids;
        this.report = report;
    }

    /**
     * Locks the configured directory (creating it if needed), recovers it, gives the live
     * records to {@code listener} and starts the writer.
     *
     * @throws dev.ferrymq.store.StoreLockedException when another store holds the directory
     * @throws StoreException INCOMPATIBLE_FORMAT or IO as {@link dev.ferrymq.store.journals.Journals#open} says
     */
    public static FileJournal open(JournalConfig config, RecoveryListener listener) {
        if (config.isInMemory()) {
            throw new IllegalArgumentException("FileJournal needs a file configuration, not " + config);
        }
        Objects.requireNonNull(listener, "listener");
        Path directory = config.directory();
        DirectoryLock lock = DirectoryLock.acquire(directory);
        try {
            Recovery recovery = Recovery.run(directory, config.channelFactory());
            RecoveryReport report = recovery.report(recovery.deliverLiveRecords(listener));
            AtomicLong ids = new AtomicLong(recovery.maxId + 1);
            JournalWriter writer = new JournalWriter(config, recovery.index, recovery.nextSeq,
                    recovery.lastFileNumber + 1, ids::get);
            writer.start();
            return new FileJournal(directory, lock, writer, ids, report);
        } catch (IOException e) {
            lock.close();
            throw new StoreException(StoreException.Kind.IO, "cannot read the journal in " + directory + ": " + e, e);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public long nextId() {
        return ids.getAndIncrement();
    }

    @Override
    public void append(Batch batch, AppendCallback callback) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(callback, "callback");
        writer.submit(new Request(batch, callback, Format.frameSize(batch), false));
    }

    @Override
    public void appendWaiting(Batch batch, AppendCallback callback) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(callback, "callback");
        writer.submitWaiting(new Request(batch, callback, Format.frameSize(batch), false));
    }

    @Override
    public void appendBackground(Batch batch, AppendCallback callback) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(callback, "callback");
        writer.submit(new Request(batch, callback, Format.frameSize(batch), true));
    }

    @Override
    public RecoveryReport recoveryReport() {
        return report;
    }

    @Override
    public JournalStats stats() {
        return writer.stats();
    }

    /** The data directory. */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (writer.holdsPermit()) {
            throw new IllegalStateException("a journal cannot be closed from its own append callback");
        }
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                writer.close();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        lock.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FileJournal[" + directory + "]";
    }
}
