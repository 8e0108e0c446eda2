package dev.ferrymq.cdi.inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Optional;

/**
 * Looks names up in the application's JNDI ({@code jndi.properties} on the class path, or the system
 * properties). A name JNDI does not bind, an object of another type, or no JNDI configured at all
 * all give an empty result. Thread-safe (each lookup uses its own {@link InitialContext}).
 */
public final class Jndi {

    private Jndi() {
    }

    public static <T> Optional<T> lookup(String name, Class<T> type) {
        InitialContext context = null;
        try {
            context = new InitialContext();
            Object bound = context.lookup(name);
            return type.isInstance(bound) ? Optional.of(type.cast(bound)) : Optional.empty();
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        } finally {
            close(context);
        }
    }

    private static void close(InitialContext context) {
        if (context == null) {
            return;
        }
        try {
            context.close();
        } catch (NamingException e) {
            System.getLogger(Jndi.class.getName()).log(System.Logger.Level.DEBUG, "closing JNDI context", e);
        }
    }
}
