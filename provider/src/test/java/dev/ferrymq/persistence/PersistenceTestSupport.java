package dev.ferrymq.persistence;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import jakarta.jms.JMSContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker on a file store in a test's temporary directory, restarted in-process by stopping it
 * ({@code Brokers.stop}) and connecting again.
 */
abstract class PersistenceTestSupport {

    private static final AtomicInteger BROKERS = new AtomicInteger();

    @TempDir
    Path dir;

    final String broker = "persist-" + getClass().getSimpleName() + "-" + BROKERS.incrementAndGet();

    /** The URL of the test broker on the file store in {@link #dir}, with {@code extra} options ("a=b&c=d"). */
    String url(String extra) {
        return "vm://" + broker + "?store=file&dataDirectory=" + URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8)
                + (extra.isEmpty() ? "" : "&" + extra);
    }

    String url() {
        return url("");
    }

    FerryConnectionFactory factory() {
        return new FerryConnectionFactory(url());
    }

    JMSContext context(int sessionMode) {
        return factory().createContext(sessionMode);
    }

    /** Stops the broker (closing its journal); the next connection starts it again from the store. */
    void restart() {
        Brokers.stop(broker);
    }

    /** How many batches the running test broker's journal has written. */
    long journalBatches() {
        return Brokers.find(broker).store().journal().stats().batches();
    }

    @AfterEach
    void stopBroker() {
        Brokers.stop(broker);
    }
}
