package dev.ferrymq.cdi.inject;

import jakarta.enterprise.inject.spi.Annotated;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSPasswordCredential;
import jakarta.jms.JMSSessionMode;

/**
 * The annotations of a {@code JMSContext} injection point that decide which context it gets: within
 * one request, injection points with equal keys share one context (spec 12.4.4).
 *
 * @param factory     the {@code @JMSConnectionFactory} name, empty for the default factory
 * @param sessionMode the {@code @JMSSessionMode}, {@link JMSContext#AUTO_ACKNOWLEDGE} by default
 * @param userName    the {@code @JMSPasswordCredential} user name, or null
 * @param password    the {@code @JMSPasswordCredential} password, or null
 */
public record ContextKey(String factory, int sessionMode, String userName, String password) {

    public static ContextKey of(Annotated annotated) {
        JMSConnectionFactory factory = annotated.getAnnotation(JMSConnectionFactory.class);
        JMSSessionMode mode = annotated.getAnnotation(JMSSessionMode.class);
        JMSPasswordCredential credential = annotated.getAnnotation(JMSPasswordCredential.class);
        return new ContextKey(factory == null ? "" : factory.value(),
                mode == null ? JMSContext.AUTO_ACKNOWLEDGE : mode.value(),
                credential == null ? null : credential.userName(),
                credential == null ? null : credential.password());
    }

    /** Whether the session mode is one an injected context may have outside a transaction (spec 12.4.3). */
    public boolean sessionModeAllowed() {
        return sessionMode == JMSContext.AUTO_ACKNOWLEDGE || sessionMode == JMSContext.DUPS_OK_ACKNOWLEDGE;
    }

    /** Opens a new context for this key from its factory. */
    public JMSContext open(ConnectionFactoryResolver factories) {
        return userName == null
                ? factories.get(factory).createContext(sessionMode)
                : factories.get(factory).createContext(userName, password, sessionMode);
    }

    @Override
    public String toString() {
        return "factory '" + factory + "', session mode " + sessionMode + (userName == null ? "" : ", user " + userName);
    }
}
