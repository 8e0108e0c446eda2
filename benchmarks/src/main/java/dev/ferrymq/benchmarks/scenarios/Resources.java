package dev.ferrymq.benchmarks.scenarios;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The connections and producer threads one iteration opened, closed together in teardown (also
 * when setup failed half-way). Used by the harness thread only.
 */
final class Resources implements AutoCloseable {

    private final List<Connection> connections = new ArrayList<>();
    private ExecutorService threads;

    /** A new connection, closed with the others. */
    Connection connect(ConnectionFactory factory) throws JMSException {
        Connection c = factory.createConnection();
        connections.add(c);
        return c;
    }

    /** A pool of {@code n} producer threads, shut down on close. */
    ExecutorService threads(int n, String name) {
        threads = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return threads;
    }

    /** Closes every connection (first failure rethrown after trying all) and stops the threads. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        if (threads != null) {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
        for (Connection c : connections) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        connections.clear();
        if (first != null) {
            throw first;
        }
    }
}
