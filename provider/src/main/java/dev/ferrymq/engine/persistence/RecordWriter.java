package dev.ferrymq.engine.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array to encode journal records into: big-endian integers, length-prefixed byte
 * arrays and UTF-8 strings (length -1 for null), the primitives {@link MessageCodec} and
 * {@link Records} build a record from. {@link RecordReader} reads them back.
 *
 * <p>Threading contract: not thread-safe; an instance is confined to the thread that encodes one
 * record.
 */
public final class RecordWriter {

    private byte[] buf;
    private int pos;

    public RecordWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    public void writeByte(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    public void writeShort(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    public void writeInt(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    public void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    /** Length and bytes; -1 for null. */
    public void writeBytes(byte[] b) {
        if (b == null) {
            writeInt(-1);
            return;
        }
        writeInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** The bytes as they are, without a length. */
    public void writeRaw(byte[] b) {
        writeRaw(b, 0, b.length);
    }

    /** {@code length} bytes of {@code b} from {@code offset}, without a length. */
    public void writeRaw(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, buf, pos, length);
        pos += length;
    }

    /** UTF-8 length and bytes; -1 for null. */
    public void writeString(String s) {
        writeBytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes written so far, as a new array. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
