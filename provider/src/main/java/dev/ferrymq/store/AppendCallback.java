package dev.ferrymq.store;

/**
 * Told once whether an appended {@link Batch} is durable. Exactly one method is called, exactly
 * once.
 *
 * <p>Threading: the file journal calls it on its writer thread, or on a thread that writes a
 * round itself inside {@link Journal#appendWaiting} (then it may be another appender's callback);
 * the in-memory journal on the appending thread before {@link Journal#append} returns. One
 * appender's callbacks run in the order of its appends. Implementations must be quick and
 * must never wait for another append's callback (that would stall the writer, and every other
 * producer with it); hand longer work to another thread.
 */
public interface AppendCallback {

    /** The batch is durable as the journal's {@link SyncPolicy} defines it. */
    void onDurable();

    /** The batch failed; it was not acknowledged. */
    void onFailed(StoreException error);
}
