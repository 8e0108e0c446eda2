package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsHeader;
import dev.ferrymq.cdi.JmsProperty;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.util.Map;
import java.util.Optional;

/** How one listener parameter gets its value from a message. Implementations are stateless and thread-safe. */
@FunctionalInterface
interface ParameterBinding {

    Object bind(Message message) throws JMSException, ConversionException;

    /** The header names {@link JmsHeader} accepts, with their getters. */
    Map<String, ParameterBinding> HEADERS = Map.ofEntries(
            Map.entry("JMSMessageID", Message::getJMSMessageID),
            Map.entry("JMSCorrelationID", Message::getJMSCorrelationID),
            Map.entry("JMSType", Message::getJMSType),
            Map.entry("JMSTimestamp", Message::getJMSTimestamp),
            Map.entry("JMSExpiration", Message::getJMSExpiration),
            Map.entry("JMSDeliveryTime", Message::getJMSDeliveryTime),
            Map.entry("JMSPriority", Message::getJMSPriority),
            Map.entry("JMSDeliveryMode", Message::getJMSDeliveryMode),
            Map.entry("JMSRedelivered", Message::getJMSRedelivered),
            Map.entry("JMSDestination", Message::getJMSDestination),
            Map.entry("JMSReplyTo", Message::getJMSReplyTo),
            Map.entry("JMSXDeliveryCount", message -> message.getIntProperty("JMSXDeliveryCount")));

    /**
     * The binding of a parameter, or empty with a problem added when the parameter cannot be bound.
     * An unannotated parameter takes the body.
     */
    static Optional<ParameterBinding> of(java.lang.reflect.Parameter parameter, int position, java.util.List<String> problems) {
        Class<?> type = parameter.getType();
        JmsHeader header = parameter.getAnnotation(JmsHeader.class);
        JmsProperty property = parameter.getAnnotation(JmsProperty.class);
        if (header != null) {
            ParameterBinding binding = HEADERS.get(header.value());
            if (binding == null) {
                problems.add("parameter " + position + ": unknown header '" + header.value() + "', expected one of "
                        + new java.util.TreeSet<>(HEADERS.keySet()));
                return Optional.empty();
            }
            return Optional.of(binding);
        }
        if (property != null) {
            return PropertyBinding.of(property.value(), type, problems, position);
        }
        if (!BodyConversion.acceptsParameter(type)) {
            problems.add("parameter " + position + " of type " + type.getName()
                    + " cannot receive a message body (and no JSON-B implementation is on the class path)");
            return Optional.empty();
        }
        java.lang.reflect.Type generic = parameter.getParameterizedType();
        return Optional.of(message -> BodyConversion.toParameter(message, type, generic));
    }
}
