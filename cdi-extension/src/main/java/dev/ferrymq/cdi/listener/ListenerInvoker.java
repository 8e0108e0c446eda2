package dev.ferrymq.cdi.listener;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Calls a listener method on its bean instance with the parameters bound from a message.
 * Thread-safe as far as the bean itself is (several workers call it at once).
 */
final class ListenerInvoker {

    private final Object target;
    private final ListenerDefinition definition;

    ListenerInvoker(Object target, ListenerDefinition definition) {
        this.target = target;
        this.definition = definition;
    }

    /**
     * @throws ConversionException       the message does not fit the parameters (the method was not called)
     * @throws InvocationTargetException the method threw
     */
    Object invoke(Message message) throws ConversionException, InvocationTargetException {
        List<ParameterBinding> bindings = definition.bindings();
        Object[] arguments = new Object[bindings.size()];
        try {
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = bindings.get(i).bind(message);
            }
        } catch (JMSException | RuntimeException e) {
            throw new ConversionException("reading the message failed: " + e, e);
        }
        try {
            return definition.method().invoke(target, arguments);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new InvocationTargetException(e, "cannot call " + definition.id());
        }
    }
}
