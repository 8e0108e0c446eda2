package dev.ferrymq.spi.contract;

import dev.ferrymq.spi.Engine;

import java.util.Map;

/**
 * What an engine implementation gives the SPI contract suite: fresh, empty brokers, and a way to
 * stop them. One fixture serves one test; each implementation of the SPI supplies one and
 * subclasses every {@code *Contract} class with it.
 *
 * <p>Options are those of {@code dev.ferrymq.spi.config} (for example {@code maxDeliveryAttempts}),
 * which every engine takes.
 */
public interface EngineFixture {

    /** Starts a new, empty broker with a name of its own and {@code options}. */
    Engine start(Map<String, String> options);

    /** Stops every broker this fixture started; what they held is gone. */
    void stopAll();

    /** Whether PERSISTENT messages are stored by these brokers (the suite then sends them PERSISTENT). */
    boolean stores();
}
