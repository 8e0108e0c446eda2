package dev.ferrymq.spi;

/** Told of connection-level failures that no call is waiting for. Called on an engine thread. */
@FunctionalInterface
public interface ConnectionListener {

    void onException(EngineException error);
}
