package dev.ferrymq.cdi.support;

import dev.ferrymq.cdi.extension.FerryCdiExtension;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import java.util.ArrayList;
import java.util.List;

/**
 * Boots a CDI SE container (Weld or OpenWebBeans: whichever the surefire execution put on the class
 * path) with discovery off and only the given bean classes. Weld SE loads no
 * {@code META-INF/services} extensions when discovery is off, so the extension is added explicitly
 * here ({@code ExtensionRegistrationTest} checks the service registration itself).
 */
public final class Cdi {

    private Cdi() {
    }

    public static SeContainer boot(Class<?>... beanClasses) {
        return SeContainerInitializer.newInstance().disableDiscovery().addExtensions(FerryCdiExtension.class).addBeanClasses(beanClasses).initialize();
    }

    /** Every message in the cause chain, for asserting on deployment errors of any container. */
    public static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return String.join("\n  caused by ", messages);
    }
}
