package dev.ferrymq.spi;

/**
 * What the engine needs to open a connection.
 *
 * @param connectionId unique within the JVM; used for noLocal and diagnostics
 * @param clientId     the administratively configured client ID, or {@code null}
 * @param user         user name or {@code null}
 * @param password     password or {@code null}
 */
public record ConnectionInfo(String connectionId, String clientId, String user, String password) {
}
