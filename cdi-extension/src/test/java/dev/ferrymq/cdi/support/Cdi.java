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
        try {
            return SeContainerInitializer.newInstance().disableDiscovery().addExtensions(new FerryCdiExtension())
                    .addBeanClasses(beanClasses).initialize();
        } catch (RuntimeException e) {
            forgetFailedOpenWebBeans();
            throw e;
        }
    }

    /** Whether the container on the class path is OpenWebBeans. */
    public static boolean openWebBeans() {
        try {
            Class.forName("org.apache.webbeans.config.WebBeansContext");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Why a test of the rule outside a request cannot run on OpenWebBeans SE. */
    public static final String OWB_REQUEST_SCOPE = "OpenWebBeans SE starts a request context on every thread that asks and never ends it "
            + "on its own, so the request rule applies there instead of the one-per-thread rule (see the module README)";

    /** Whether the container has an active request context on this thread although nobody activated one (OpenWebBeans SE). */
    public static boolean requestScopeAlwaysActive(SeContainer container) {
        try {
            return container.getBeanManager().getContext(jakarta.enterprise.context.RequestScoped.class).isActive();
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            return false;
        }
    }

    /**
     * OpenWebBeans keeps the context of a container whose deployment failed registered for the class
     * loader, so the next container could not start; Weld needs nothing.
     */
    private static void forgetFailedOpenWebBeans() {
        try {
            Class<?> finder = Class.forName("org.apache.webbeans.config.WebBeansFinder");
            finder.getMethod("clearInstances", Object.class).invoke(null, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            return;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reset OpenWebBeans after a failed deployment", e);
        }
    }

    /**
     * Boots a container that must fail deployment and returns every message about it: the exception's
     * cause chain, and what was logged meanwhile (OpenWebBeans logs the problems added in
     * AfterDeploymentValidation and throws a generic exception).
     */
    public static String deploymentFailure(Class<?>... beanClasses) {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        List<String> logged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record.getMessage() + (record.getThrown() == null ? "" : " " + messages(record.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(capture);
        try {
            SeContainer container = boot(beanClasses);
            container.close();
            throw new AssertionError("the deployment of " + java.util.Arrays.toString(beanClasses) + " did not fail");
        } catch (RuntimeException e) {
            return messages(e) + "\nlogged: " + String.join("\n", logged);
        } finally {
            root.removeHandler(capture);
        }
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
