package dev.ferrymq.store;

/**
 * A snapshot of a journal's size, published by its writer after each group of appends.
 * Immutable; read from any thread.
 *
 * @param segments      journal files in use (0 for the in-memory journal)
 * @param diskBytes     bytes in those files
 * @param liveRecords   live ids
 * @param liveBytes     encoded bytes of the live ids' records
 * @param batches       batches appended since open
 * @param forces        forces ({@code fsync}) of journal files since open
 * @param compactions   files whose live records were moved to the head so the file could go
 * @param reclaimed     files deleted since open
 */
public record JournalStats(int segments, long diskBytes, long liveRecords, long liveBytes, long batches,
                           long forces, long compactions, long reclaimed) {
}
