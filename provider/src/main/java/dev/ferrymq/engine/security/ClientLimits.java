package dev.ferrymq.engine.security;

import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.config.OptionValues;

/**
 * The limits against a bad client ({@link SecurityOptions}): message size and properties, sessions
 * and consumers per connection. A limit of 0 or less is no limit. Every refusal is
 * RESOURCE_ALLOCATION naming the limit and its option.
 *
 * <p>Threading contract: immutable.
 */
public record ClientLimits(long maxMessageSize, long maxMessageProperties, long maxSessions, long maxConsumers) {

    /** The limits the broker options set. */
    public static ClientLimits of(OptionValues options) {
        return new ClientLimits(options.get(SecurityOptions.MAX_MESSAGE_SIZE),
                options.get(SecurityOptions.MAX_MESSAGE_PROPERTIES),
                options.get(SecurityOptions.MAX_SESSIONS_PER_CONNECTION),
                options.get(SecurityOptions.MAX_CONSUMERS_PER_CONNECTION));
    }

    /** No limits. */
    public static ClientLimits none() {
        return new ClientLimits(-1, -1, -1, -1);
    }

    /** Refuses a message above the size or property limit. */
    public void checkMessage(MessageData m) {
        if (maxMessageProperties > 0 && m.properties().size() > maxMessageProperties) {
            throw refused("the message has " + m.properties().size() + " properties, more than the maximum of "
                    + maxMessageProperties, SecurityOptions.MAX_MESSAGE_PROPERTIES.name());
        }
        if (maxMessageSize > 0) {
            int size = m.estimatedSize();
            if (size > maxMessageSize) {
                throw refused("the message of about " + size + " bytes is larger than the maximum message size of "
                        + maxMessageSize + " bytes", SecurityOptions.MAX_MESSAGE_SIZE.name());
            }
        }
    }

    /** Refuses one more session when {@code open} sessions (this one included) are more than allowed. */
    public void checkSessions(String connection, int open) {
        if (maxSessions > 0 && open > maxSessions) {
            throw refused("connection " + connection + " already has the maximum of " + maxSessions + " sessions",
                    SecurityOptions.MAX_SESSIONS_PER_CONNECTION.name());
        }
    }

    /** Refuses one more consumer when {@code open} consumers (this one included) are more than allowed. */
    public void checkConsumers(String connection, int open) {
        if (maxConsumers > 0 && open > maxConsumers) {
            throw refused("connection " + connection + " already has the maximum of " + maxConsumers + " consumers",
                    SecurityOptions.MAX_CONSUMERS_PER_CONNECTION.name());
        }
    }

    private static EngineException refused(String what, String option) {
        return new EngineException(EngineException.Kind.RESOURCE_ALLOCATION,
                what + " (limit set by broker option '" + option + "')");
    }
}
