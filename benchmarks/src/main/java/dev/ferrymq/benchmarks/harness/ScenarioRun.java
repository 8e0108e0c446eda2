package dev.ferrymq.benchmarks.harness;

import jakarta.jms.JMSException;

/**
 * One set-up iteration of a scenario: connections, sessions and consumers already created.
 * {@link #run()} is called once, then {@link #close()} (teardown) always, both on the harness
 * thread that called {@link Scenario#setup}.
 */
public interface ScenarioRun extends AutoCloseable {

    /** Sends and consumes, timing only this part; returns one value per metric of the scenario. */
    Sample run() throws Exception;

    /** Closes every connection the setup opened, also after a failed run. */
    @Override
    void close() throws JMSException;
}
