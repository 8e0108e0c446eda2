package dev.ferrymq.engine.persistence;

import dev.ferrymq.engine.queue.AcceptingQueue;
import dev.ferrymq.engine.topic.Subscription;
import dev.ferrymq.engine.topic.SubscriptionKind;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.MessageData;

/**
 * The engine's record types in the journal and their payloads.
 *
 * <ul>
 * <li>{@link #MESSAGE} (add): format byte, holder kind (0 queue destination, 1 durable
 * subscription), holder queue name, then the {@link MessageCodec} message.</li>
 * <li>{@link #DELIVERY_COUNT} (update of a message): the count of the delivery about to be made,
 * as four bytes.</li>
 * <li>{@link #REDELIVERY_TIME} (update of a message): the message was handed back and waits for a
 * delayed redelivery until this time, epoch milliseconds as eight bytes; it counts only while no
 * {@code DELIVERY_COUNT} update follows it.</li>
 * <li>{@link #SUBSCRIPTION} (add): format byte, kind (durable or shared durable), client ID,
 * name, topic, selector, noLocal.</li>
 * <li>{@link #DELIVERY_MARK} (add, replacing the queue's previous one in the same batch): format
 * byte, holder kind, holder queue name, then the mark: every message record of that queue with an
 * id up to it may have been delivered once.</li>
 * </ul>
 *
 * <p>Threading contract: stateless.
 */
final class Records {

    static final byte MESSAGE = 1;
    static final byte DELIVERY_COUNT = 2;
    static final byte SUBSCRIPTION = 3;
    static final byte DELIVERY_MARK = 4;
    static final byte REDELIVERY_TIME = 5;

    /** The version of these payloads; a newer one is refused at recovery. */
    static final byte FORMAT = 1;
    static final byte HOLDER_QUEUE = 0;
    static final byte HOLDER_SUBSCRIPTION = 1;

    private Records() {
    }

    /** A message record of {@code queue}: its holder, then {@code m}, encoded in one pass. */
    static byte[] message(AcceptingQueue queue, MessageData m) {
        RecordWriter w = new RecordWriter(m.estimatedSize() + 3 * queue.name().length() + 16);
        writeHolder(w, queue);
        MessageCodec.write(w, m);
        return w.toByteArray();
    }

    /**
     * The message record of another queue's {@code record} for {@code queue}: the same message
     * bytes under {@code queue}'s holder (a message routed to several queues is encoded once).
     */
    static byte[] rehold(byte[] record, AcceptingQueue queue) {
        RecordReader r = new RecordReader(record);
        readHolder(r);
        int from = r.position();
        RecordWriter w = new RecordWriter(record.length - from + 3 * queue.name().length() + 16);
        writeHolder(w, queue);
        w.writeRaw(record, from, record.length - from);
        return w.toByteArray();
    }

    /** A delivery mark record of {@code queue} covering message records up to id {@code upTo}. */
    static byte[] mark(DestinationRef ref, String queueName, long upTo) {
        RecordWriter w = new RecordWriter(queueName.length() + 24);
        writeHolder(w, ref, queueName);
        w.writeLong(upTo);
        return w.toByteArray();
    }

    private static void writeHolder(RecordWriter w, AcceptingQueue queue) {
        writeHolder(w, queue.ref(), queue.name());
    }

    private static void writeHolder(RecordWriter w, DestinationRef ref, String queueName) {
        w.writeByte(FORMAT);
        boolean subscription = ref.type() != DestinationType.QUEUE;
        w.writeByte(subscription ? HOLDER_SUBSCRIPTION : HOLDER_QUEUE);
        w.writeString(queueName);
    }

    static byte[] count(int deliveryCount) {
        return new byte[]{(byte) (deliveryCount >>> 24), (byte) (deliveryCount >>> 16), (byte) (deliveryCount >>> 8),
                (byte) deliveryCount};
    }

    static int count(byte[] payload) {
        return new RecordReader(payload).readInt();
    }

    static byte[] time(long epochMillis) {
        RecordWriter w = new RecordWriter(8);
        w.writeLong(epochMillis);
        return w.toByteArray();
    }

    static long time(byte[] payload) {
        return new RecordReader(payload).readLong();
    }

    static byte[] subscription(Subscription s) {
        RecordWriter w = new RecordWriter(64);
        w.writeByte(FORMAT);
        w.writeByte(s.kind() == SubscriptionKind.SHARED_DURABLE ? 1 : 0);
        w.writeString(s.clientId());
        w.writeString(s.name());
        w.writeString(s.topic().ref().name());
        w.writeString(s.selectorText());
        w.writeByte(s.noLocal() ? 1 : 0);
        return w.toByteArray();
    }

    /** A decoded subscription record. */
    record StoredSubscription(SubscriptionKind kind, String clientId, String name, String topic,
                              String selector, boolean noLocal) {
    }

    static StoredSubscription readSubscription(byte[] payload) {
        RecordReader r = new RecordReader(payload);
        checkFormat(r.readByte());
        SubscriptionKind kind = r.readByte() == 1 ? SubscriptionKind.SHARED_DURABLE
                : SubscriptionKind.DURABLE;
        return new StoredSubscription(kind, r.readString(), r.readString(), r.readString(), r.readString(),
                r.readByte() != 0);
    }

    /** A decoded message record. */
    record StoredMessage(boolean subscription, String queue, MessageData message) {
    }

    static StoredMessage readMessage(byte[] payload) {
        return readMessage(payload, null);
    }

    /** {@link #readMessage(byte[])}, sharing {@code recent} when the message's destination equals it. */
    static StoredMessage readMessage(byte[] payload, DestinationRef recent) {
        RecordReader r = new RecordReader(payload, recent);
        Holder h = readHolder(r);
        MessageData m = MessageCodec.read(r);
        checkEnd(r, "message");
        return new StoredMessage(h.subscription(), h.queue(), m);
    }

    /** Whose record it is: a queue destination or a durable subscription, by queue name. */
    private record Holder(boolean subscription, String queue) {
    }

    /** Reads what {@link #writeHolder} wrote, checking the format byte. */
    private static Holder readHolder(RecordReader r) {
        checkFormat(r.readByte());
        boolean subscription = r.readByte() == HOLDER_SUBSCRIPTION;
        return new Holder(subscription, r.readString());
    }

    private static void checkEnd(RecordReader r, String what) {
        if (!r.atEnd()) {
            throw new IllegalArgumentException("trailing bytes after the " + what);
        }
    }

    /** A decoded delivery mark record. */
    record StoredMark(boolean subscription, String queue, long upTo) {
    }

    static StoredMark readMark(byte[] payload) {
        RecordReader r = new RecordReader(payload);
        Holder h = readHolder(r);
        long upTo = r.readLong();
        checkEnd(r, "delivery mark");
        return new StoredMark(h.subscription(), h.queue(), upTo);
    }

    private static void checkFormat(int format) {
        if (format != FORMAT) {
            throw new IllegalArgumentException("record format " + format + " is not supported (this version reads "
                    + FORMAT + ")");
        }
    }
}
