package dev.ferrymq.benchmarks.scenarios;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * The 1 KiB body every scenario sends: a fresh {@link BytesMessage} per send, read back in full
 * by consumers. Thread-safe (the template is never written after class initialisation).
 */
final class Payload {

    /** Body size in bytes. */
    static final int SIZE = 1024;

    private static final byte[] TEMPLATE = new byte[SIZE];

    static {
        for (int i = 0; i < SIZE; i++) {
            TEMPLATE[i] = (byte) ('a' + i % 26);
        }
    }

    private Payload() {
    }

    /** A new message carrying a 1 KiB body. */
    static BytesMessage create(Session session) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(TEMPLATE);
        return m;
    }

    /**
     * Reads the whole body into {@code buffer} (one per consumer, at least {@link #SIZE} + 1 bytes)
     * and checks its length.
     *
     * @throws IllegalStateException when the body is not a 1 KiB bytes body
     */
    static void read(Message message, byte[] buffer) throws JMSException {
        if (!(message instanceof BytesMessage bytes)) {
            throw new IllegalStateException("expected a BytesMessage, got " + message.getClass().getName());
        }
        int n = bytes.readBytes(buffer);
        if (n != SIZE) {
            throw new IllegalStateException("expected a " + SIZE + "-byte body, read " + n);
        }
    }

    /** A buffer for {@link #read}: one larger than the body, so that a longer body is noticed. */
    static byte[] buffer() {
        return new byte[SIZE + 1];
    }
}
