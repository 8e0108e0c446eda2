package dev.ferrymq.client;

import jakarta.jms.IllegalStateException;

/**
 * A session as its producers see it: its open check, its engine side, its asynchronous sends and
 * its message IDs. The session implements it ({@link SessionCore}); a producer gets it at
 * construction, so it depends on this interface and not on the session class.
 *
 * <p>Threading: implementations are thread-safe; called from the application's threads and the
 * session's completion-callback thread. No method blocks.
 */
interface ProducerSession {

    /** @throws IllegalStateException when the session or its connection is closed */
    void checkOpen() throws IllegalStateException;

    SessionEngine engine();

    AsyncSends asyncSends();

    /** A new JMSMessageID: a per-session prefix and counter, no contention between sessions. */
    String nextMessageId();
}
