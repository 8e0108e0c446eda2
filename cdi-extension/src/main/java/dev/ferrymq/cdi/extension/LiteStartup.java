package dev.ferrymq.cdi.extension;

import dev.ferrymq.cdi.JmsListener;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanContainer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.EventContext;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Run-time half of {@link FerryBuildCompatibleExtension}: on {@link Startup}, runs the
 * {@link DeploymentCheck} over what was collected at build time and starts the listeners; any
 * problem fails the start with a {@link DeploymentException} listing them all.
 */
public class LiteStartup implements SyntheticObserver<Startup> {

    @Override
    public void observe(EventContext<Startup> event, Parameters params) throws ClassNotFoundException {
        BeanContainer container = CDI.current().getBeanContainer();
        String[] names = params.get(FerryBuildCompatibleExtension.FACTORY_NAMES, String[].class);
        boolean[] contexts = params.get(FerryBuildCompatibleExtension.CONTEXTS, boolean[].class);
        int[] modes = params.get(FerryBuildCompatibleExtension.SESSION_MODES, int[].class);
        String[] where = params.get(FerryBuildCompatibleExtension.INJECTION_POINTS, String[].class);
        List<DeploymentCheck.FactoryUse> uses = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            uses.add(new DeploymentCheck.FactoryUse(names[i], contexts[i], modes[i], where[i]));
        }
        List<DeploymentCheck.ListenerMethod> listeners = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String className : params.get(FerryBuildCompatibleExtension.LISTENER_CLASSES, String[].class)) {
            Class<?> type = Class.forName(className, false, loader == null ? LiteStartup.class.getClassLoader() : loader);
            Bean<?> bean = container.getBeans(type, Any.Literal.INSTANCE).stream()
                    .filter(candidate -> candidate.getBeanClass() == type).findFirst()
                    .orElseThrow(() -> new DeploymentException("no bean of class " + className + " although it declares @JmsListener methods"));
            for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
                for (Method method : current.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(JmsListener.class)) {
                        listeners.add(new DeploymentCheck.ListenerMethod(bean, method));
                    }
                }
            }
        }
        List<String> problems = DeploymentCheck.run(container, uses, listeners);
        if (!problems.isEmpty()) {
            throw new DeploymentException(String.join("\n", problems));
        }
    }
}
