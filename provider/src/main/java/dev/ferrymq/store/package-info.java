/**
 * The store: the bottom layer under the engine (facade → SPI → engine → store). It imports
 * nothing of {@code jakarta.jms}, the client or the engine.
 *
 * <h2>Model</h2>
 * A {@link dev.ferrymq.store.Journal} holds records keyed by a {@code long} id (from
 * {@link dev.ferrymq.store.Journal#nextId()}). A {@link dev.ferrymq.store.Batch} of
 * {@code ADD(id, type, payload)}, {@code UPDATE(id, type, payload)} and {@code DELETE(id)}
 * operations is appended atomically; its {@link dev.ferrymq.store.AppendCallback} runs once the
 * batch is durable. Record types and payloads are the engine's (e.g. a message add, a delivery
 * count update; a JMS commit is one batch; an acknowledgement is a delete).
 *
 * <h2>Recovery contract</h2>
 * {@link dev.ferrymq.store.journals.Journals#open} gives each live id (added, not deleted) once to the
 * {@link dev.ferrymq.store.RecoveryListener} as a {@link dev.ferrymq.store.LiveRecord}: the add
 * with its updates, oldest first, records in first-append order. Deleted records are never given.
 * Every batch whose callback reported it durable is recovered; a batch is recovered whole or not
 * at all; a failed or unconfirmed batch may or may not be. Damage never stops the open: see
 * {@link dev.ferrymq.store.RecoveryReport}.
 *
 * <h2>Files</h2>
 * A data directory holds {@code ferrymq.lock} (an OS lock while open) and numbered
 * {@code journal-<n>.dat} files: a 40-byte header (magic, format version, file number, first
 * sequence, next id, CRC32C), then one frame per batch ({@code length, CRC32C, ops}); the layout
 * is in {@code dev.ferrymq.store.file.Format}. One writer at a time appends with group commit
 * (the writer thread, or an appender that waits for its append and finds the journal idle); a
 * new file starts at {@code journalFileSize}, on open and after a write failure. Files are deleted
 * oldest first once nothing in them is live; when the files hold more than twice the live bytes
 * plus two files, the oldest file's live records are copied to the newest and it is deleted.
 *
 * <h2>Options</h2>
 * Declared in {@link dev.ferrymq.store.StoreOptions}: {@code store} (file | memory),
 * {@code dataDirectory}, {@code syncPolicy} (always | interval | never), {@code syncInterval},
 * {@code journalFileSize}; {@link dev.ferrymq.store.JournalConfig#from} turns them into a
 * configuration.
 */
package dev.ferrymq.store;
