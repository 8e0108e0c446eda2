package dev.ferrymq.it.spring;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * DefaultMessageListenerContainers as applications configure them, with short receive timeout and
 * recovery interval so tests stop quickly; all shut down by {@link #close()}. For the test thread.
 */
final class Containers implements AutoCloseable {

    private final List<DefaultMessageListenerContainer> started = new ArrayList<>();

    /** A started container on {@code destination}; {@code settings} runs before it starts. */
    DefaultMessageListenerContainer start(ConnectionFactory factory, String destination, Object listener,
                                          Consumer<DefaultMessageListenerContainer> settings) {
        DefaultMessageListenerContainer c = new DefaultMessageListenerContainer();
        c.setConnectionFactory(factory);
        c.setDestinationName(destination);
        c.setMessageListener(listener);
        c.setReceiveTimeout(100);
        c.setRecoveryInterval(100);
        settings.accept(c);
        c.afterPropertiesSet();
        c.start();
        started.add(c);
        return c;
    }

    @Override
    public void close() {
        started.forEach(DefaultMessageListenerContainer::shutdown);
        started.clear();
    }

    static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
