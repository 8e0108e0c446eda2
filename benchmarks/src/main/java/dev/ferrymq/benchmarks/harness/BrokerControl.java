package dev.ferrymq.benchmarks.harness;

import jakarta.jms.ConnectionFactory;

/**
 * Restarts the broker a scenario runs against, on the same data, for scenarios that time a
 * restart (the journal's recovery). The harness hands one to every iteration through
 * {@link RunContext#broker()}; it drives the provider under test. Called by the iteration's
 * thread only, between its own connections being closed and reopened.
 */
public interface BrokerControl {

    /**
     * Stops the broker, keeping its stored messages (journal or data directory) for
     * {@link #startAgain()}. The caller has closed its connections first.
     */
    void stopKeepingData() throws Exception;

    /**
     * Starts the broker again on the data {@link #stopKeepingData()} kept and returns a factory
     * connected to it; the harness uses that factory for the scenario's later iterations. A
     * provider may start the broker lazily, on the first connection: time until a message has been
     * received, not until this returns.
     */
    ConnectionFactory startAgain() throws Exception;
}
