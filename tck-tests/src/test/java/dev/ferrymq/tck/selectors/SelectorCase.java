package dev.ferrymq.tck.selectors;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * One selector case: the selector, the message it is evaluated against (properties plus a few
 * header fields), and whether the message must be selected. Immutable; the builder methods return
 * copies.
 */
record SelectorCase(String selector, Map<String, Object> properties, String type, String correlationId, int priority,
        int deliveryMode, boolean selected) {

    static SelectorCase sel(String selector) {
        return new SelectorCase(selector, Map.of(), null, null, Message.DEFAULT_PRIORITY, DeliveryMode.PERSISTENT, false);
    }

    SelectorCase with(String name, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(properties);
        p.put(name, value);
        return new SelectorCase(selector, p, type, correlationId, priority, deliveryMode, selected);
    }

    SelectorCase type(String t) {
        return new SelectorCase(selector, properties, t, correlationId, priority, deliveryMode, selected);
    }

    SelectorCase correlation(String c) {
        return new SelectorCase(selector, properties, type, c, priority, deliveryMode, selected);
    }

    SelectorCase priority(int p) {
        return new SelectorCase(selector, properties, type, correlationId, p, deliveryMode, selected);
    }

    SelectorCase nonPersistent() {
        return new SelectorCase(selector, properties, type, correlationId, priority, DeliveryMode.NON_PERSISTENT, selected);
    }

    SelectorCase matches() {
        return new SelectorCase(selector, properties, type, correlationId, priority, deliveryMode, true);
    }

    SelectorCase rejects() {
        return new SelectorCase(selector, properties, type, correlationId, priority, deliveryMode, false);
    }

    Message create(Session s) throws JMSException {
        Message m = s.createMessage();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            m.setObjectProperty(e.getKey(), e.getValue());
        }
        if (type != null) {
            m.setJMSType(type);
        }
        if (correlationId != null) {
            m.setJMSCorrelationID(correlationId);
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(selector == null ? "<null>" : "\"" + selector + "\"");
        sb.append(selected ? " selects " : " rejects ").append('{');
        String sep = "";
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            Object v = e.getValue();
            sb.append(sep).append(e.getKey()).append('=').append(v instanceof String ? "'" + v + "'" : v);
            if (!(v instanceof String) && !(v instanceof Integer)) {
                sb.append(" (").append(v.getClass().getSimpleName()).append(')');
            }
            sep = ", ";
        }
        sb.append('}');
        if (type != null) {
            sb.append(" JMSType=").append(type);
        }
        if (correlationId != null) {
            sb.append(" JMSCorrelationID=").append(correlationId);
        }
        if (priority != Message.DEFAULT_PRIORITY) {
            sb.append(" JMSPriority=").append(priority);
        }
        if (deliveryMode != DeliveryMode.PERSISTENT) {
            sb.append(" NON_PERSISTENT");
        }
        return sb.toString();
    }
}
