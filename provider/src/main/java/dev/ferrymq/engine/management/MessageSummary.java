package dev.ferrymq.engine.management;

import dev.ferrymq.spi.MessageData;

import java.util.List;
import java.util.Map;

/**
 * One line describing a message for browsing by an operator (JMX {@code browse}, the data tool):
 * its ID, headers, properties and a short summary of its body, never the whole body.
 *
 * <p>Threading contract: stateless.
 */
public final class MessageSummary {

    /** The most characters of a text body shown. */
    static final int TEXT_PREVIEW = 60;

    private MessageSummary() {
    }

    public static String of(MessageData m) {
        StringBuilder b = new StringBuilder(m.messageId() == null ? "(no id)" : m.messageId());
        b.append(" priority=").append(m.priority()).append(m.persistent() ? " PERSISTENT" : " NON_PERSISTENT")
                .append(" timestamp=").append(m.timestamp());
        if (m.expiration() != 0) {
            b.append(" expiration=").append(m.expiration());
        }
        if (m.correlationId() != null) {
            b.append(" correlationID=").append(m.correlationId());
        }
        if (m.type() != null) {
            b.append(" type=").append(m.type());
        }
        if (!m.properties().isEmpty()) {
            b.append(" properties=").append(m.properties().keySet());
        }
        return b.append(" body=").append(body(m)).toString();
    }

    private static String body(MessageData m) {
        Object body = m.body();
        return switch (m.bodyType()) {
            case NONE -> "none";
            case TEXT -> body == null ? "text null" : "text(" + ((String) body).length() + ") \"" + preview((String) body) + "\"";
            case BYTES -> "bytes(" + ((byte[]) body).length + ")";
            case MAP -> "map" + ((Map<?, ?>) body).keySet();
            case STREAM -> "stream(" + ((List<?>) body).size() + " values)";
            case OBJECT -> body == null ? "object null" : "object(" + ((byte[]) body).length + " serialized bytes)";
        };
    }

    private static String preview(String text) {
        String s = text.length() <= TEXT_PREVIEW ? text : text.substring(0, TEXT_PREVIEW) + "...";
        return s.replace("\n", "\\n").replace("\r", "\\r");
    }
}
