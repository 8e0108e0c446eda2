package dev.ferrymq.client;

import dev.ferrymq.client.message.DeserializationFilter;
import jakarta.jms.IllegalStateException;

/**
 * A session as its queue browsers see it: its open check, its engine side (which takes the
 * snapshots) and the connection's deserialization filter for browsed ObjectMessages. The session
 * implements it ({@link SessionCore}); a browser gets it at construction, so it depends on this
 * interface and not on the session class.
 *
 * <p>Threading: implementations are thread-safe; called from the application's threads. No
 * method blocks.
 */
interface BrowserSession {

    /** @throws IllegalStateException when the session or its connection is closed */
    void checkOpen() throws IllegalStateException;

    SessionEngine engine();

    /** Which classes browsed ObjectMessage bodies may be deserialized into. */
    DeserializationFilter deserializationFilter();
}
