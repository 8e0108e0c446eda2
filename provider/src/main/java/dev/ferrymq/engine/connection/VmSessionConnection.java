package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.engine.security.Access;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;

/**
 * A connection as its sessions see it: the broker it belongs to, what it may do, its count of
 * open consumers, its failure reports and its set of sessions. As a {@link Publisher} it is the
 * sender of everything its sessions send (noLocal), and the owner its temporary destinations are
 * checked against. {@link VmConnection} implements it; a {@link VmSession} gets it at
 * construction, so sessions depend on this interface and not on the connection class.
 *
 * <p>Threading contract: thread-safe; every method may be called from any session or engine
 * thread and none blocks. {@link #sessionClosed} hands its work to the broker's control
 * executor, which owns the connection's set of sessions.
 */
interface VmSessionConnection extends Publisher {

    /** The broker the connection is open on. */
    BrokerContext broker();

    /** What the connection may do (immutable). */
    Access access();

    /** Counts one more open consumer: RESOURCE_ALLOCATION above the limit (then not counted). */
    void reserveConsumer();

    /** A consumer counted by {@link #reserveConsumer} closed or failed to open. */
    void releaseConsumer();

    /** Tells the connection's listener of a failure no call waits for. */
    void notifyFailure(EngineException reason);

    /** Session {@code s} closed: the connection forgets it (on the broker's control executor). */
    void sessionClosed(EngineSession s);
}
