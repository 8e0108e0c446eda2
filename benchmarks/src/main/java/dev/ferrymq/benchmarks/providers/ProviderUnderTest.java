package dev.ferrymq.benchmarks.providers;

import jakarta.jms.ConnectionFactory;

/**
 * A messaging provider the benchmark compares: starts an embedded broker and hands out its
 * {@link ConnectionFactory}. Used by one harness thread at a time; {@link #stop()} may be called
 * after a failed {@link #start} and must then do nothing harmful.
 */
public interface ProviderUnderTest {

    /** Display name, e.g. {@code FerryMQ}. */
    String name();

    /** Id on the command line, e.g. {@code ferrymq}. */
    String id();

    /**
     * Starts a fresh broker for one scenario and returns a factory connected to it in-VM.
     *
     * @throws Exception when the provider cannot start; the harness prints {@code n/a (reason)}
     */
    ConnectionFactory start(BrokerSettings settings) throws Exception;

    /** Stops the broker started last and deletes its files. */
    void stop() throws Exception;

    /**
     * Stops the broker started last but keeps its stored messages for {@link #startAgain()};
     * {@link #stop()} still deletes them afterwards.
     *
     * @throws IllegalStateException when no broker is running
     */
    void stopKeepingData() throws Exception;

    /**
     * Starts the broker stopped by {@link #stopKeepingData()} again on the same data and returns a
     * factory for it (FerryMQ starts it on the first connection, Artemis here).
     *
     * @throws IllegalStateException when no broker was stopped keeping its data
     */
    ConnectionFactory startAgain() throws Exception;
}
