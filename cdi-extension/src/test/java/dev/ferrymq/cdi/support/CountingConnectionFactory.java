package dev.ferrymq.cdi.support;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ConnectionFactory wrapper (provider-neutral) that counts the connections and contexts opened
 * through it and not yet closed, so that tests can prove nothing leaks. Thread-safe.
 */
public final class CountingConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory delegate;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile String lastUserName;

    public CountingConnectionFactory(ConnectionFactory delegate) {
        this.delegate = delegate;
    }

    /** Connections and contexts open now. */
    public int open() {
        return open.get();
    }

    /** Connections and contexts opened so far. */
    public int opened() {
        return opened.get();
    }

    /** The user name of the last connection or context opened with credentials, or null. */
    public String lastUserName() {
        return lastUserName;
    }

    public ConnectionFactory delegate() {
        return delegate;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return track(delegate.createConnection(), Connection.class);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        lastUserName = userName;
        return track(delegate.createConnection(userName, password), Connection.class);
    }

    @Override
    public JMSContext createContext() {
        return track(delegate.createContext(), JMSContext.class);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        lastUserName = userName;
        return track(delegate.createContext(userName, password), JMSContext.class);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        lastUserName = userName;
        return track(delegate.createContext(userName, password, sessionMode), JMSContext.class);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return track(delegate.createContext(sessionMode), JMSContext.class);
    }

    private <T> T track(T target, Class<T> type) {
        open.incrementAndGet();
        opened.incrementAndGet();
        AtomicInteger closed = new AtomicInteger();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.getAndIncrement() == 0) {
                open.decrementAndGet();
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
