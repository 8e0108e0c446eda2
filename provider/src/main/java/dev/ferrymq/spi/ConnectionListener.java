package dev.ferrymq.spi;

/**
 * Told of connection-level failures that no call is waiting for. Called on an engine thread; must
 * not block or call application code.
 *
 * <p>An error of kind {@link EngineException.Kind#ILLEGAL_STATE ILLEGAL_STATE} says the engine
 * closed the connection on its own (its broker stopped): every later call on it fails and no
 * further error is reported. An error of any other kind (e.g. a delivery redelivered after the
 * acknowledgement timeout) leaves the connection open.
 */
@FunctionalInterface
public interface ConnectionListener {

    void onException(EngineException error);
}
