package dev.ferrymq.client.message;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A FerryMQ {@link BytesMessage}, in the {@code java.io.DataOutputStream} format (big-endian,
 * modified UTF-8 strings). Write-only when new or cleared: written bytes go to a growing buffer.
 * Read-only after {@link #reset()} or receipt: reads run over an exact-length byte[] that is never
 * changed (shared with the received data without a copy) with this message's own cursor. A read
 * that fails (end of the body, malformed UTF) does not move the cursor. Not thread-safe.
 */
public final class FerryBytesMessage extends FerryMessage implements BytesMessage {

    private static final byte[] EMPTY = new byte[0];

    /** Write-only mode: the buffer and how much of it is written. */
    private byte[] buffer = EMPTY;
    private int length;
    /**
     * The buffer went out with a send as the body (it was exactly full): a sent body must never
     * change, so the next write copies it first.
     */
    private boolean bufferShared;
    /** Read-only mode: the whole body, never changed, and the read cursor. */
    private byte[] body;
    private int position;

    FerryBytesMessage() {
    }

    FerryBytesMessage(MessageData data, int deliveryCount, MessageAcknowledger acknowledger) {
        super(data, deliveryCount, acknowledger);
        Object bytes = data.body();
        body = bytes == null ? EMPTY : (byte[]) bytes;
    }

    // ---- reading

    /** Checks read mode and that {@code n} bytes remain; returns the cursor. */
    private int require(int n) throws JMSException {
        checkReadable();
        if (body.length - position < n) {
            throw new MessageEOFException("end of the BytesMessage: " + n + " byte(s) needed at position "
                    + position + " of " + body.length);
        }
        return position;
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!bodyReadOnly) {
            throw new MessageNotReadableException("this BytesMessage is write-only: call reset() to read it");
        }
    }

    private long readBigEndian(int n) throws JMSException {
        int at = require(n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (body[at + i] & 0xFF);
        }
        position = at + n;
        return v;
    }

    /** The whole body length, wherever the cursor is. @throws MessageNotReadableException in write-only mode */
    @Override
    public long getBodyLength() throws JMSException {
        checkReadable();
        return body.length;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return readBigEndian(1) != 0;
    }

    @Override
    public byte readByte() throws JMSException {
        return (byte) readBigEndian(1);
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return (int) readBigEndian(1);
    }

    @Override
    public short readShort() throws JMSException {
        return (short) readBigEndian(2);
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return (int) readBigEndian(2);
    }

    @Override
    public char readChar() throws JMSException {
        return (char) readBigEndian(2);
    }

    @Override
    public int readInt() throws JMSException {
        return (int) readBigEndian(4);
    }

    @Override
    public long readLong() throws JMSException {
        return readBigEndian(8);
    }

    @Override
    public float readFloat() throws JMSException {
        return Float.intBitsToFloat((int) readBigEndian(4));
    }

    @Override
    public double readDouble() throws JMSException {
        return Double.longBitsToDouble(readBigEndian(8));
    }

    /** @throws MessageFormatException when the bytes are not modified UTF-8 (the cursor stays) */
    @Override
    public String readUTF() throws JMSException {
        int at = require(2);
        int utfLength = ((body[at] & 0xFF) << 8) | (body[at + 1] & 0xFF);
        require(2 + utfLength);
        try {
            String s = DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(body, at, 2 + utfLength)));
            position = at + 2 + utfLength;
            return s;
        } catch (IOException e) {
            MessageFormatException failure = new MessageFormatException("malformed UTF string at position " + at
                    + ": " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /**
     * Reads up to {@code length} bytes; returns how many, or -1 at the end of the body.
     *
     * @throws IndexOutOfBoundsException when {@code length} is negative or above value.length
     */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        checkReadable();
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is not within 0.." + value.length);
        }
        int remaining = body.length - position;
        if (remaining == 0) {
            return -1;
        }
        int n = Math.min(remaining, length);
        System.arraycopy(body, position, value, 0, n);
        position += n;
        return n;
    }

    // ---- writing

    private int grow(int n) throws JMSException {
        checkBodyWritable();
        int at = length;
        if (buffer.length - at < n || bufferShared) {
            buffer = Arrays.copyOf(buffer, buffer.length - at < n
                    ? Math.max(at + n, Math.max(64, buffer.length * 2)) : buffer.length);
            bufferShared = false;
        }
        length = at + n;
        return at;
    }

    private void writeBigEndian(long v, int n) throws JMSException {
        int at = grow(n);
        for (int i = n - 1; i >= 0; i--) {
            buffer[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        writeBigEndian(value ? 1 : 0, 1);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        writeBigEndian(value, 1);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        writeBigEndian(value, 2);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        writeBigEndian(value, 2);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        writeBigEndian(value, 4);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        writeBigEndian(value, 8);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        writeBigEndian(Float.floatToIntBits(value), 4);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        writeBigEndian(Double.doubleToLongBits(value), 8);
    }

    /**
     * @throws NullPointerException   for null (a BytesMessage has no null value)
     * @throws MessageFormatException when the encoded string is longer than 65535 bytes
     */
    @Override
    public void writeUTF(String value) throws JMSException {
        Objects.requireNonNull(value, "a BytesMessage cannot hold a null String");
        checkBodyWritable();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(value.length() + 2);
        try {
            new DataOutputStream(encoded).writeUTF(value);
        } catch (IOException e) {
            MessageFormatException failure = new MessageFormatException("cannot write the string as UTF: "
                    + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
        writeBytes(encoded.toByteArray());
    }

    /** @throws NullPointerException for null */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        writeBytes(value, 0, value.length);
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        Objects.checkFromIndexSize(offset, length, value.length);
        int at = grow(length);
        System.arraycopy(value, offset, buffer, at, length);
    }

    /**
     * Writes a Boolean, Character, Byte, Short, Integer, Long, Float, Double, String (as UTF) or
     * byte[] as its write method does.
     *
     * @throws NullPointerException   for null
     * @throws MessageFormatException for any other type
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        Objects.requireNonNull(value, "a BytesMessage cannot hold a null value");
        if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("a BytesMessage cannot write a " + value.getClass().getName()
                    + ": only the objectified primitive types, String and byte[] are allowed");
        }
    }

    /** Makes the body read-only and moves the cursor to its start. */
    @Override
    public void reset() {
        if (!bodyReadOnly) {
            body = length == 0 ? EMPTY : length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            buffer = EMPTY;
            bufferShared = false;
            length = 0;
            bodyReadOnly = true;
        }
        position = 0;
    }

    // ---- body

    /**
     * As the javadoc says, getBody resets the message (read-only, cursor at the start) and returns
     * a copy of the whole body; null when the body is empty.
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        reset();
        return super.getBody(c);
    }

    @Override
    boolean hasBody() {
        return (bodyReadOnly ? body.length : length) > 0;
    }

    @Override
    Class<?> declaredBodyType() {
        return byte[].class;
    }

    @Override
    Object bodyCopy() {
        return body.clone();
    }

    @Override
    void clearBodyContent() {
        body = null;
        buffer = EMPTY;
        bufferShared = false;
        length = 0;
        position = 0;
    }

    @Override
    BodyType bodyType() {
        return BodyType.BYTES;
    }

    /**
     * Read-only mode: the body itself (never changed); write-only mode: the buffer when it is
     * exactly full (the usual single {@code writeBytes} of a whole body), shared until the next
     * write copies it, else a copy of the bytes written.
     */
    @Override
    Object bodyForSend() {
        if (bodyReadOnly) {
            return body;
        }
        if (length == 0) {
            return EMPTY;
        }
        if (length == buffer.length) {
            bufferShared = true;
            return buffer;
        }
        return Arrays.copyOf(buffer, length);
    }
}
