package dev.ferrymq.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ChannelFactory} for tests: counts forces, tells whether written bytes are forced, can
 * hold the first force until a latch opens, can act as a full disk (a short write, then
 * "No space left on device" for writes and file creation), and counts the bytes read.
 */
public final class FaultyFiles implements ChannelFactory {

    public final AtomicInteger forces = new AtomicInteger();
    public final AtomicInteger writes = new AtomicInteger();
    /** Bytes read through any channel this factory opened. */
    public final AtomicLong bytesRead = new AtomicLong();
    public volatile boolean diskFull;
    /** When set, every force waits for it first. */
    public volatile CountDownLatch forceGate;
    /** When set, the next force first interrupts its own thread (so the real channel closes itself, as on an interrupt mid-I/O). */
    public final java.util.concurrent.atomic.AtomicBoolean interruptBeforeNextForce = new java.util.concurrent.atomic.AtomicBoolean();
    /** Counted down when a force reaches a closed {@link #forceGate}. */
    public volatile CountDownLatch gateReached = new CountDownLatch(1);
    /** Counted down on every force. */
    public volatile CountDownLatch forced = new CountDownLatch(1);
    private volatile boolean unforced;

    @Override
    public FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException {
        if (diskFull && options.contains(StandardOpenOption.CREATE_NEW)) {
            throw new IOException("No space left on device");
        }
        return new Channel(FileChannel.open(path, options));
    }

    /** True when some written bytes have not been forced since. */
    public boolean hasUnforcedWrites() {
        return unforced;
    }

    private final class Channel extends FileChannel {

        private final FileChannel d;
        private boolean shortWriteDone;

        Channel(FileChannel delegate) {
            this.d = delegate;
        }

        private int write(ByteBuffer src, long position, boolean positional) throws IOException {
            if (diskFull) {
                if (shortWriteDone || src.remaining() < 2) {
                    throw new IOException("No space left on device");
                }
                shortWriteDone = true;
                ByteBuffer part = src.duplicate().limit(src.position() + Math.min(7, src.remaining() - 1));
                int n = positional ? d.write(part, position) : d.write(part);
                src.position(src.position() + n);
                unforced = true;
                return n;
            }
            shortWriteDone = false;
            writes.incrementAndGet();
            unforced = true;
            return positional ? d.write(src, position) : d.write(src);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return write(src, -1, false);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return write(src, position, true);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += write(srcs[i]);
            }
            return n;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            CountDownLatch gate = forceGate;
            if (gate != null) {
                gateReached.countDown();
                try {
                    if (!gate.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("test force gate never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (interruptBeforeNextForce.getAndSet(false)) {
                Thread.currentThread().interrupt();
            }
            unforced = false;
            d.force(metaData);
            forces.incrementAndGet();
            forced.countDown();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return counted(d.read(dst));
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return counted(d.read(dsts, offset, length));
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return counted(d.read(dst, position));
        }

        private int counted(int n) {
            return (int) counted((long) n);
        }

        private long counted(long n) {
            if (n > 0) {
                bytesRead.addAndGet(n);
            }
            return n;
        }

        @Override
        public long position() throws IOException {
            return d.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            d.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return d.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            d.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return counted(d.transferTo(position, count, target));
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new UnsupportedOperationException("not used by the journal");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException("not used by the journal");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return d.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return d.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            d.close();
        }
    }
}
