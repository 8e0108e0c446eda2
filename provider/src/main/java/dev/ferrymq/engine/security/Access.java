package dev.ferrymq.engine.security;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.config.DestinationOptions;

/**
 * What one connection may do: its {@link Identity}, the broker's permissions and the
 * {@link ClientLimits}. With security off there is no identity and {@link #require} allows
 * everything at the cost of one null check.
 *
 * <p>Threading contract: immutable and thread-safe.
 */
public final class Access {

    /** A role that stands for every connection. */
    public static final String EVERYONE = "*";

    private final Identity identity;
    private final DestinationOptions permissions;
    private final ClientLimits limits;

    Access(Identity identity, DestinationOptions permissions, ClientLimits limits) {
        this.identity = identity;
        this.permissions = permissions;
        this.limits = limits;
    }

    /** Security off, with these limits: for engine tests and embedding code. */
    public static Access unchecked(ClientLimits limits) {
        return new Access(null, null, limits);
    }

    /** Who logged in, or {@code null} with security off. */
    public Identity identity() {
        return identity;
    }

    public ClientLimits limits() {
        return limits;
    }

    /**
     * Checks that this connection may do {@code operation} to {@code destination}: one of its
     * roles (or {@link #EVERYONE}) is listed for the most specific key that matches the
     * destination's name.
     *
     * @throws EngineException SECURITY naming the user, the operation and the destination
     */
    public void require(Operation operation, DestinationRef destination) {
        if (permissions == null || destination == null) {
            return; // security off; or no destination, which the caller refuses as it always did
        }
        String roles = permissions.get(operation.option(), destination.name());
        for (String role : SecurityFile.roles(roles)) {
            if (role.equals(EVERYONE) || identity.roles().contains(role)) {
                return;
            }
        }
        throw new EngineException(EngineException.Kind.SECURITY, identity.describe() + " may not "
                + operation.verb() + " " + describe(destination) + " (operation '" + operation.key()
                + "' is not granted to any of its roles)");
    }

    private static String describe(DestinationRef d) {
        String type = switch (d.type()) {
            case QUEUE -> "queue";
            case TOPIC -> "topic";
            case TEMPORARY_QUEUE -> "temporary queue";
            case TEMPORARY_TOPIC -> "temporary topic";
        };
        return type + " '" + d.name() + "'";
    }
}
