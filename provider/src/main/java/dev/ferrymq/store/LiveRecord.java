package dev.ferrymq.store;

import java.util.List;

/**
 * A live id found when a journal was opened: its {@link Batch.OpKind#ADD} record and the
 * {@link Batch.OpKind#UPDATE} records appended to it since, in append order. Immutable and safe
 * to share, except that the payload arrays are handed over, not copied.
 *
 * @param id      the record id
 * @param type    the add's record type
 * @param payload the add's payload
 * @param updates the updates, oldest first; unmodifiable
 */
public record LiveRecord(long id, byte type, byte[] payload, List<Update> updates) {

    public LiveRecord {
        updates = List.copyOf(updates);
    }

    /** One update of a live record. */
    public record Update(byte type, byte[] payload) {
    }
}
