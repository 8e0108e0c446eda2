package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls every method of an interface on a closed object and collects those that do not throw IllegalStateException. */
final class ClosedObjects {

    private ClosedObjects() {
    }

    /**
     * @param exempt method names not checked (close, and methods with no closed rule)
     * @param message a message object to pass where one is needed
     */
    static List<String> methodsNotThrowingIllegalState(Object target, Class<?> api, Set<String> exempt, Message message)
            throws IllegalAccessException {
        List<String> offenders = new ArrayList<>();
        for (Method m : api.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || exempt.contains(m.getName())) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = argument(types[i], message);
            }
            try {
                m.invoke(target, args);
                offenders.add(m + " returned normally");
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof IllegalStateException)) {
                    offenders.add(m + " threw " + e.getCause());
                }
            }
        }
        return offenders;
    }

    private static Object argument(Class<?> type, Message message) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return type == int.class ? 1 : 0;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == String.class) {
            return "name";
        }
        if (type == Queue.class || type == Destination.class) {
            return new FerryQueue("q");
        }
        if (type == Topic.class) {
            return new FerryTopic("t");
        }
        if (type == Message.class) {
            return message;
        }
        if (type == CompletionListener.class) {
            return new CompletionListener() {
                @Override
                public void onCompletion(Message m) {
                }

                @Override
                public void onException(Message m, Exception e) {
                }
            };
        }
        if (type == Serializable.class) {
            return "object";
        }
        return null;
    }

    static void assertAllThrowIllegalState(Object target, Class<?> api, Set<String> exempt, Message message)
            throws IllegalAccessException {
        assertThat(methodsNotThrowingIllegalState(target, api, exempt, message)).isEmpty();
    }
}
