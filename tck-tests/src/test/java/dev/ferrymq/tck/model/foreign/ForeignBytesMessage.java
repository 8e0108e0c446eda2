package dev.ferrymq.tck.model.foreign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;

/**
 * A {@link BytesMessage} of "another provider" (see {@link ForeignMessage}): written through a
 * {@link DataOutputStream}; {@link #reset()} makes it readable (the mode a provider copies it in).
 * Not thread-safe.
 */
public class ForeignBytesMessage extends ForeignMessage implements BytesMessage {

    /** Reads one value from the body stream. */
    @FunctionalInterface
    private interface Read<T> {
        T from(DataInputStream in) throws IOException;
    }

    /** Writes one value to the body stream. */
    @FunctionalInterface
    private interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    private ByteArrayOutputStream written = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(written);
    private byte[] content;
    private DataInputStream in;

    private <T> T read(Read<T> r) throws JMSException {
        if (in == null) {
            throw new MessageNotReadableException("call reset() before reading");
        }
        try {
            return r.from(in);
        } catch (EOFException e) {
            throw new MessageEOFException("end of the body");
        } catch (IOException e) {
            throw new MessageFormatException(e.toString());
        }
    }

    private void write(Write w) throws JMSException {
        if (out == null) {
            throw new jakarta.jms.MessageNotWriteableException("read-only body");
        }
        try {
            w.to(out);
        } catch (IOException e) {
            throw new MessageFormatException(e.toString());
        }
    }

    @Override
    public long getBodyLength() throws JMSException {
        if (content == null) {
            throw new MessageNotReadableException("call reset() first");
        }
        return content.length;
    }

    @Override public boolean readBoolean() throws JMSException { return read(DataInputStream::readBoolean); }
    @Override public byte readByte() throws JMSException { return read(DataInputStream::readByte); }
    @Override public int readUnsignedByte() throws JMSException { return read(DataInputStream::readUnsignedByte); }
    @Override public short readShort() throws JMSException { return read(DataInputStream::readShort); }
    @Override public int readUnsignedShort() throws JMSException { return read(DataInputStream::readUnsignedShort); }
    @Override public char readChar() throws JMSException { return read(DataInputStream::readChar); }
    @Override public int readInt() throws JMSException { return read(DataInputStream::readInt); }
    @Override public long readLong() throws JMSException { return read(DataInputStream::readLong); }
    @Override public float readFloat() throws JMSException { return read(DataInputStream::readFloat); }
    @Override public double readDouble() throws JMSException { return read(DataInputStream::readDouble); }
    @Override public String readUTF() throws JMSException { return read(s -> s.readUTF()); }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        int n = read(s -> s.read(value, 0, length));
        return n <= 0 ? -1 : n;
    }

    @Override public void writeBoolean(boolean v) throws JMSException { write(o -> o.writeBoolean(v)); }
    @Override public void writeByte(byte v) throws JMSException { write(o -> o.writeByte(v)); }
    @Override public void writeShort(short v) throws JMSException { write(o -> o.writeShort(v)); }
    @Override public void writeChar(char v) throws JMSException { write(o -> o.writeChar(v)); }
    @Override public void writeInt(int v) throws JMSException { write(o -> o.writeInt(v)); }
    @Override public void writeLong(long v) throws JMSException { write(o -> o.writeLong(v)); }
    @Override public void writeFloat(float v) throws JMSException { write(o -> o.writeFloat(v)); }
    @Override public void writeDouble(double v) throws JMSException { write(o -> o.writeDouble(v)); }
    @Override public void writeUTF(String v) throws JMSException { write(o -> o.writeUTF(v)); }
    @Override public void writeBytes(byte[] v) throws JMSException { write(o -> o.write(v)); }
    @Override public void writeBytes(byte[] v, int off, int len) throws JMSException { write(o -> o.write(v, off, len)); }

    @Override
    public void writeObject(Object v) throws JMSException {
        if (v instanceof byte[] b) {
            writeBytes(b);
        } else if (v instanceof String s) {
            writeUTF(s);
        } else if (v instanceof Integer i) {
            writeInt(i);
        } else {
            throw new MessageFormatException("writeObject of " + v + " not supported by this test message");
        }
    }

    /** Puts the body in read-only mode, positioned at its start. */
    @Override
    public void reset() throws JMSException {
        if (out != null) {
            content = written.toByteArray();
            out = null;
            written = null;
        }
        in = new DataInputStream(new ByteArrayInputStream(content));
    }

    @Override
    public void clearBody() {
        written = new ByteArrayOutputStream();
        out = new DataOutputStream(written);
        content = null;
        in = null;
    }

    @Override
    protected Object body() {
        byte[] bytes = content != null ? content : written.toByteArray();
        return bytes.length == 0 ? null : bytes.clone();
    }
}
