package dev.ferrymq.spi;

import java.util.Objects;

/**
 * A destination as the engine knows it: its type and its name. Names are unique per type within
 * a broker; a queue and a topic may share a name.
 */
public record DestinationRef(DestinationType type, String name) {

    public DestinationRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    public static DestinationRef queue(String name) {
        return new DestinationRef(DestinationType.QUEUE, name);
    }

    public static DestinationRef topic(String name) {
        return new DestinationRef(DestinationType.TOPIC, name);
    }

    public boolean isQueue() {
        return type.isQueue();
    }

    public boolean isTemporary() {
        return type.isTemporary();
    }

    @Override
    public String toString() {
        return type + ":" + name;
    }
}
