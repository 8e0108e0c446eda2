package dev.ferrymq.client.message;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.StreamMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A FerryMQ {@link StreamMessage}: a list of typed values (see {@link TypedValues}), write-only
 * when new or cleared, read-only after {@link #reset()} or receipt. A received message reads the
 * shared list of its data with its own cursor; writing copies the list first (copy-on-write).
 *
 * <p>A read that throws (MessageFormatException, NumberFormatException, NullPointerException for a
 * null char) does not move the cursor, so the field can be read again as another type. Not
 * thread-safe.
 */
public final class FerryStreamMessage extends FerryMessage implements StreamMessage {

    private static final String KIND = TypedValues.STREAM_FIELD;

    private List<Object> values;
    /** Whether {@link #values} is this message's own, changeable list (else shared, never changed). */
    private boolean owned;
    /** Index of the next field to read. */
    private int position;
    /** Bytes of the current byte[] field already read by readBytes, or -1 when none is in progress. */
    private int bytesRead = -1;

    FerryStreamMessage() {
        values = Collections.emptyList();
    }

    @SuppressWarnings("unchecked")
    FerryStreamMessage(MessageData data, int deliveryCount, MessageAcknowledger acknowledger) {
        super(data, deliveryCount, acknowledger);
        Object body = data.body();
        values = body == null ? Collections.emptyList() : (List<Object>) body;
    }

    // ---- reading

    /** The next field, without moving the cursor. */
    private Object peek() throws JMSException {
        if (!bodyReadOnly) {
            throw new MessageNotReadableException("this StreamMessage is write-only: call reset() to read it");
        }
        if (bytesRead >= 0) {
            throw new MessageFormatException("a byte[] field is partly read with readBytes: read it to its end first");
        }
        if (position >= values.size()) {
            throw new MessageEOFException("end of the StreamMessage reached (" + values.size() + " fields)");
        }
        return values.get(position);
    }

    @Override
    public boolean readBoolean() throws JMSException {
        boolean v = TypedValues.toBoolean(KIND, null, peek());
        position++;
        return v;
    }

    @Override
    public byte readByte() throws JMSException {
        byte v = TypedValues.toByte(KIND, null, peek());
        position++;
        return v;
    }

    @Override
    public short readShort() throws JMSException {
        short v = TypedValues.toShort(KIND, null, peek());
        position++;
        return v;
    }

    @Override
    public char readChar() throws JMSException {
        char v = TypedValues.toChar(KIND, null, peek());
        position++;
        return v;
    }

    @Override
    public int readInt() throws JMSException {
        int v = TypedValues.toInt(KIND, null, peek());
        position++;
        return v;
    }

    @Override
    public long readLong() throws JMSException {
        long v = TypedValues.toLong(KIND, null, peek());
        position++;
        return v;
    }

    @Override
    public float readFloat() throws JMSException {
        float v = TypedValues.toFloat(KIND, null, peek());
        position++;
        return v;
    }

    @Override
    public double readDouble() throws JMSException {
        double v = TypedValues.toDouble(KIND, null, peek());
        position++;
        return v;
    }

    @Override
    public String readString() throws JMSException {
        String v = TypedValues.toString(KIND, null, peek());
        position++;
        return v;
    }

    /** The next field as an object; byte[] as a new copy. */
    @Override
    public Object readObject() throws JMSException {
        Object v = TypedValues.copyOut(peek());
        position++;
        return v;
    }

    /**
     * Reads the current byte[] field in pieces: each call fills {@code value} as far as the field
     * goes; a piece shorter than {@code value} ends the field; after a piece of exactly
     * {@code value.length} the next call returns -1 when nothing is left. A null field returns -1,
     * an empty one 0.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        Object field;
        if (bytesRead >= 0) {
            field = values.get(position);
        } else {
            field = peek();
            if (field == null) {
                position++;
                return -1;
            }
            if (!(field instanceof byte[])) {
                throw PropertyConversions.cannot(KIND, null, field, "byte[]");
            }
        }
        byte[] bytes = (byte[]) field;
        if (bytesRead < 0 && bytes.length == 0) {
            position++;
            return 0;
        }
        int start = Math.max(bytesRead, 0);
        int remaining = bytes.length - start;
        if (remaining == 0) {
            endBytesField();
            return -1;
        }
        int n = Math.min(remaining, value.length);
        System.arraycopy(bytes, start, value, 0, n);
        if (n < value.length) {
            endBytesField();
        } else {
            bytesRead = start + n;
        }
        return n;
    }

    private void endBytesField() {
        bytesRead = -1;
        position++;
    }

    // ---- writing

    private void add(Object stored) throws JMSException {
        checkBodyWritable();
        if (!owned) {
            values = new ArrayList<>(values);
            owned = true;
        }
        values.add(stored);
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        add(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        add(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        add(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        add(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        add(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        add(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        add(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        add(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        add(value);
    }

    /** Writes a copy of {@code value} as one field (null writes a null field). */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        add(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        java.util.Objects.checkFromIndexSize(offset, length, value.length);
        byte[] part = new byte[length];
        System.arraycopy(value, offset, part, 0, length);
        add(part);
    }

    @Override
    public void writeObject(Object value) throws JMSException {
        add(TypedValues.toStored(KIND, null, value));
    }

    /** Makes the body read-only and moves the cursor to the first field. */
    @Override
    public void reset() {
        bodyReadOnly = true;
        position = 0;
        bytesRead = -1;
    }

    // ---- body

    /** A StreamMessage body cannot be returned by getBody: always MessageFormatException. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("getBody is not supported for a StreamMessage");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }

    @Override
    void clearBodyContent() {
        values = Collections.emptyList();
        owned = false;
        position = 0;
        bytesRead = -1;
    }

    @Override
    BodyType bodyType() {
        return BodyType.STREAM;
    }

    /**
     * The fields, unmodifiable, without a copy: the list is handed over and becomes shared, so the
     * next write copies it. Stored byte[] values are private and never changed in place.
     */
    @Override
    Object bodyForSend() {
        owned = false;
        return Collections.unmodifiableList(values);
    }
}
