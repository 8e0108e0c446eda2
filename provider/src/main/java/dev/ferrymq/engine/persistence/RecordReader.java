package dev.ferrymq.engine.persistence;

import dev.ferrymq.spi.DestinationRef;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads back what a {@link RecordWriter} wrote, checking every length against what is left so that
 * damaged bytes end in an {@link IllegalArgumentException} naming the offset, never in a read past
 * the end. It also carries the destination read last, so that {@link MessageCodec} can share one
 * {@link DestinationRef} among the messages of a recovered backlog.
 *
 * <p>Threading contract: not thread-safe; an instance is confined to the thread that decodes one
 * record.
 */
public final class RecordReader {

    private final byte[] buf;
    private int pos;
    /** A destination read before (by an earlier reader), returned again for an equal one; or null. */
    private DestinationRef recent;

    public RecordReader(byte[] buf) {
        this.buf = buf;
    }

    /**
     * A reader that returns {@code recent} itself for a destination equal to it, so that many
     * messages read back (a recovered backlog) share one instead of holding a copy each.
     */
    public RecordReader(byte[] buf, DestinationRef recent) {
        this.buf = buf;
        this.recent = recent;
    }

    /** The last destination this reader read (or was given), for the next reader. */
    public DestinationRef recentDestination() {
        return recent;
    }

    /** Remembers {@code d} as the destination read last. */
    void recentDestination(DestinationRef d) {
        recent = d;
    }

    private void need(int n) {
        if (n < 0 || n > buf.length - pos) {
            throw new IllegalArgumentException("record truncated: needs " + n + " more bytes at offset " + pos
                    + " of " + buf.length);
        }
    }

    public int readByte() {
        need(1);
        return buf[pos++];
    }

    public short readShort() {
        need(2);
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return (short) v;
    }

    public int readInt() {
        need(4);
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long readLong() {
        return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
    }

    /** A non-negative count that fits in what is left. */
    int readCount() {
        int n = readInt();
        if (n < 0 || n > buf.length - pos) {
            throw new IllegalArgumentException("bad count " + n + " at offset " + (pos - 4));
        }
        return n;
    }

    public byte[] readBytes() {
        int n = readInt();
        if (n == -1) {
            return null;
        }
        need(n);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public String readString() {
        int n = readInt();
        if (n == -1) {
            return null;
        }
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** How many bytes were read so far. */
    public int position() {
        return pos;
    }

    public boolean atEnd() {
        return pos == buf.length;
    }
}
