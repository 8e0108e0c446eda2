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

    /** Starts delivery on every connection opened so far. */
    void startAll() throws JMSException {
        for (Connection c : connections) {
            c.start();
        }
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

    /** Closes everything after a failed setup; a failure to close is added to {@code e} as suppressed. */
    Exception closeAfter(Exception e) {
        try {
            close();
        } catch (JMSException closing) {
            e.addSuppressed(closing);
        }
        return e;
    }

    /**
     * Stops the threads and closes every connection, rethrowing the first failure after trying
     * all. An interrupt while waiting for the threads is kept on the calling thread.
     */
    @Override
    public void close() throws JMSException {
        JMSException first = null;
        if (threads != null) {
            threads.shutdownNow();
            try {
                threads.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Connection c : connections) {
            try {
                c.close();
            } catch (JMSException e) {
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
