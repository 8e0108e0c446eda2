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
            long size = sizeOf(m);
            if (size > maxMessageSize) {
                throw refused("the message of about " + size + " bytes is larger than the maximum message size of "
                        + maxMessageSize + " bytes", SecurityOptions.MAX_MESSAGE_SIZE.name());
            }
        }
    }

    /**
     * The message's estimated size as the queues count it, plus the bytes of the string and byte
     * array values of its properties and of a map or stream body, which that estimate counts at a
     * flat rate: so a huge property or map entry cannot slip past the limit.
     */
    static long sizeOf(MessageData m) {
        long size = m.estimatedSize();
        if (!m.properties().isEmpty()) {
            size += valueBytes(m.properties().values());
        }
        if (m.body() instanceof java.util.Map<?, ?> map) {
            size += valueBytes(map.values());
        } else if (m.body() instanceof java.util.List<?> list) {
            size += valueBytes(list);
        }
        return size;
    }

    private static long valueBytes(java.util.Collection<?> values) {
        long n = 0;
        for (Object v : values) {
            if (v instanceof String str) {
                n += 2L * str.length();
            } else if (v instanceof byte[] bytes) {
                n += bytes.length;
            }
        }
        return n;
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
