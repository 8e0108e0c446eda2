package dev.ferrymq.cdi.listener;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds a {@link dev.ferrymq.cdi.JmsProperty} parameter with the JMS property conversions (spec 3.5.4). */
final class PropertyBinding {

    private interface Getter {
        Object get(Message message, String name) throws JMSException;
    }

    private static final Map<Class<?>, Getter> GETTERS = Map.ofEntries(
            Map.entry(String.class, Message::getStringProperty),
            Map.entry(Object.class, Message::getObjectProperty),
            Map.entry(boolean.class, Message::getBooleanProperty), Map.entry(Boolean.class, Message::getBooleanProperty),
            Map.entry(byte.class, Message::getByteProperty), Map.entry(Byte.class, Message::getByteProperty),
            Map.entry(short.class, Message::getShortProperty), Map.entry(Short.class, Message::getShortProperty),
            Map.entry(int.class, Message::getIntProperty), Map.entry(Integer.class, Message::getIntProperty),
            Map.entry(long.class, Message::getLongProperty), Map.entry(Long.class, Message::getLongProperty),
            Map.entry(float.class, Message::getFloatProperty), Map.entry(Float.class, Message::getFloatProperty),
            Map.entry(double.class, Message::getDoubleProperty), Map.entry(Double.class, Message::getDoubleProperty));

    private PropertyBinding() {
    }

    static Optional<ParameterBinding> of(String name, Class<?> type, List<String> problems, int position) {
        Getter getter = GETTERS.get(type);
        if (getter == null) {
            problems.add("parameter " + position + ": property '" + name + "' cannot be bound to " + type.getName()
                    + " (String, Object, primitives and their boxes only)");
            return Optional.empty();
        }
        boolean primitive = type.isPrimitive();
        return Optional.of(message -> {
            boolean present = message.propertyExists(name);
            if (!present && !primitive) {
                return null;
            }
            if (!present) {
                throw new ConversionException("property '" + name + "' is missing, and parameter type " + type.getName() + " cannot be null");
            }
            try {
                return getter.get(message, name);
            } catch (MessageFormatException | NumberFormatException e) {
                throw new ConversionException("property '" + name + "' cannot be converted to " + type.getName() + ": " + e.getMessage(), e);
            }
        });
    }
}
