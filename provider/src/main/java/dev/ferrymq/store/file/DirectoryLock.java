package dev.ferrymq.store.file;

import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.StoreLockedException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data directory's {@code ferrymq.lock} file, locked with an OS file lock for as long as a
 * journal is open, so that no two stores (in one JVM or several) share a directory. The OS drops
 * the lock when the process dies, however it dies, so a stale lock file never blocks a restart.
 *
 * <p>Threading: acquired on the opening thread, released by {@link #close()} from any thread.
 */
final class DirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "ferrymq.lock";

    /**
     * Directories locked by this JVM. Checked before touching the lock file because closing any
     * channel on a file drops this process's POSIX lock on it, so a second in-JVM open must not
     * even open the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code directory}, creating it if needed.
     *
     * @throws StoreLockedException when another store holds the lock
     * @throws StoreException       IO when the directory or lock file cannot be created
     */
    static DirectoryLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        Path key = null;
        try {
            Files.createDirectories(directory);
            key = directory.toRealPath();
            if (!HELD.add(key)) {
                key = null;
                throw locked(directory, file, " by this JVM");
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw locked(directory, file, readHolder(channel));
            }
            byte[] me = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me), 0);
            return new DirectoryLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (key != null) {
                HELD.remove(key);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException(StoreException.Kind.IO, "cannot lock the FerryMQ data directory " + directory
                    + ": " + e, e);
        }
    }

    private static StoreLockedException locked(Path directory, Path file, String holder) {
        return new StoreLockedException(directory, "the FerryMQ data directory " + directory
                + " is in use by another store (lock file " + file + " is held" + holder
                + "); a data directory can be used by one broker at a time, in one JVM");
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(64);
            int n = channel.read(b, 0);
            String text = n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? " by another process" : " by " + text;
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock failure is what gets reported
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
        HELD.remove(key);
    }
}
