package dev.ferrymq.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One or more record operations appended atomically: after a crash either all of them are
 * recovered or none (the file journal writes a batch as one frame with one checksum). A JMS
 * transaction's commit maps to one batch.
 *
 * <p>Records are keyed by a caller-chosen {@code long} id (use {@link Journal#nextId()}); ids must
 * not be reused while any record of an earlier use may still be on disk, which ids from
 * {@code nextId()} never are. The {@code type} byte and the payload are opaque to the store: the
 * engine defines its own record types (message, delivery count, transaction markers).
 *
 * <p>Immutable once built, and safe to share. Payload arrays are not copied: the caller must not
 * change them after building the batch.
 */
public final class Batch {

    /** Largest total payload size of one batch. */
    public static final int MAX_BYTES = 256 << 20;

    /** What an operation does to its id. */
    public enum OpKind {
        /** Makes the id live with a first record; the id must not be live. */
        ADD,
        /** Adds a record to a live id; recovered with the add, in append order. */
        UPDATE,
        /** Ends the id: its records are no longer recovered and their space is reclaimed. */
        DELETE
    }

    /**
     * One operation.
     *
     * @param kind    what it does
     * @param id      the record id
     * @param type    the caller's record type (0 for deletes)
     * @param payload the caller's bytes (empty for deletes), not copied
     */
    public record Op(OpKind kind, long id, byte type, byte[] payload) {

        private static final byte[] NONE = new byte[0];

        public Op {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public String toString() {
            return kind + "(id=" + id + ", type=" + type + ", " + payload.length + " bytes)";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Op op && op.kind == kind && op.id == id && op.type == type
                    && Arrays.equals(op.payload, payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, id, type, Arrays.hashCode(payload));
        }
    }

    private final List<Op> ops;
    private final long payloadBytes;

    private Batch(List<Op> ops, long payloadBytes) {
        this.ops = ops;
        this.payloadBytes = payloadBytes;
    }

    /** A batch of one {@link OpKind#ADD}. */
    public static Batch add(long id, byte type, byte[] payload) {
        return single(new Op(OpKind.ADD, id, type, checkSize(payload)));
    }

    /** A batch of one {@link OpKind#UPDATE}. */
    public static Batch update(long id, byte type, byte[] payload) {
        return single(new Op(OpKind.UPDATE, id, type, checkSize(payload)));
    }

    /** A batch of one {@link OpKind#DELETE}. */
    public static Batch delete(long id) {
        return single(new Op(OpKind.DELETE, id, (byte) 0, Op.NONE));
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Batch single(Op op) {
        return new Batch(Collections.singletonList(op), op.payload().length);
    }

    private static byte[] checkSize(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > MAX_BYTES) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds the batch limit of "
                    + MAX_BYTES + " bytes");
        }
        return payload;
    }

    /** The operations in order. */
    public List<Op> ops() {
        return ops;
    }

    public int size() {
        return ops.size();
    }

    /** Sum of the payload lengths. */
    public long payloadBytes() {
        return payloadBytes;
    }

    @Override
    public String toString() {
        return "Batch" + ops;
    }

    /** Builds a multi-operation batch. Not thread-safe. */
    public static final class Builder {

        private final List<Op> ops = new ArrayList<>();
        private long bytes;

        private Builder() {
        }

        public Builder add(long id, byte type, byte[] payload) {
            return op(new Op(OpKind.ADD, id, type, checkSize(payload)));
        }

        public Builder update(long id, byte type, byte[] payload) {
            return op(new Op(OpKind.UPDATE, id, type, checkSize(payload)));
        }

        public Builder delete(long id) {
            return op(new Op(OpKind.DELETE, id, (byte) 0, Op.NONE));
        }

        private Builder op(Op op) {
            if (bytes + op.payload().length > MAX_BYTES) {
                throw new IllegalArgumentException("batch payloads exceed the limit of " + MAX_BYTES + " bytes");
            }
            bytes += op.payload().length;
            ops.add(op);
            return this;
        }

        /**
         * The batch.
         *
         * @throws IllegalStateException when no operation was added
         */
        public Batch build() {
            if (ops.isEmpty()) {
                throw new IllegalStateException("a batch needs at least one operation");
            }
            return new Batch(List.copyOf(ops), bytes);
        }
    }
}
