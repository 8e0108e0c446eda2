package dev.ferrymq.engine.connection;

import dev.ferrymq.spi.EngineConsumer;

/**
 * A session as its consumers see it: what a {@link VmConsumer} tells its session when it stops
 * being open and when it is gone. {@link VmSession} implements it (it is also the owner a
 * consumer's queue consumer is registered with, so deliveries are checked against it and it hears
 * of acknowledgement timeouts); consumers depend on this interface and not on the session class.
 *
 * <p>Threading contract: both methods may be called from any thread (the caller's, or a queue's
 * executor), must be quick and must not block.
 */
interface VmConsumerSession {

    /** A consumer stopped being open (closed, or failed to start): it no longer counts against the limit. */
    void consumerClosed();

    /** {@code consumer} is closed and its deliveries settled: nothing left to release at session close. */
    void forget(EngineConsumer consumer);
}
