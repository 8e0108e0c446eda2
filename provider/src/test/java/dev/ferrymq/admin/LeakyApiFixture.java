package dev.ferrymq.admin;

import dev.ferrymq.engine.Broker;

/**
 * A public class of an exported package whose API names the engine's {@link Broker}: what
 * {@code ArchitectureTest.exportedApiNamesOnlyExportedTypes} must refuse (test sources only).
 */
public final class LeakyApiFixture {

    private LeakyApiFixture() {
    }

    public static Broker leak(String name) {
        return dev.ferrymq.engine.Brokers.find(name);
    }
}
