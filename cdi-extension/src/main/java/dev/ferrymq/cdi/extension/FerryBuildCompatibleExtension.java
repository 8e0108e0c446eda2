package dev.ferrymq.cdi.extension;

import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.inject.DefaultFactoryBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.MetaAnnotations;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.enterprise.util.Nonbinding;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSessionMode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CDI Lite form of {@link FerryCdiExtension}, for build-time containers: the same beans, the
 * same qualifier and default factory, and the same {@link DeploymentCheck}, run when the container
 * fires {@link Startup} (a problem then fails the start). What it collects at build time travels
 * to run time as the parameters of a synthetic observer. Skipped where the portable extension runs.
 */
@SkipIfPortableExtensionPresent(FerryCdiExtension.class)
public class FerryBuildCompatibleExtension implements BuildCompatibleExtension {

    static final String FACTORY_NAMES = "factoryNames";
    static final String CONTEXTS = "contexts";
    static final String SESSION_MODES = "sessionModes";
    static final String INJECTION_POINTS = "injectionPoints";
    static final String LISTENER_CLASSES = "listenerClasses";

    private final List<String> factoryNames = new ArrayList<>();
    private final List<Boolean> contexts = new ArrayList<>();
    private final List<Integer> sessionModes = new ArrayList<>();
    private final List<String> injectionPoints = new ArrayList<>();
    private final Set<String> listenerClasses = new LinkedHashSet<>();
    private boolean applicationDefaultFactory;

    @Discovery
    public void discovery(ScannedClasses scanned, MetaAnnotations meta) {
        FerryCdiExtension.BEANS.forEach(type -> scanned.add(type.getName()));
        meta.addQualifier(JMSConnectionFactory.class).methods().forEach(method -> method.addAnnotation(Nonbinding.class));
    }

    @Registration(types = Object.class)
    public void collect(BeanInfo bean) {
        ClassInfo declaring = bean.declaringClass();
        boolean ours = FerryCdiExtension.BEANS.stream().anyMatch(type -> type.getName().equals(declaring.name()));
        if (bean.isClassBean() && declaresListener(declaring)) {
            listenerClasses.add(declaring.name());
        }
        if (!ours && bean.types().stream().anyMatch(type -> is(type, ConnectionFactory.class))
                && bean.qualifiers().stream().anyMatch(qualifier -> qualifier.name().equals(Default.class.getName()))) {
            applicationDefaultFactory = true;
        }
        for (InjectionPointInfo injectionPoint : bean.injectionPoints()) {
            collect(injectionPoint);
        }
    }

    @Synthesis
    public void synthesis(SyntheticComponents components) {
        if (!applicationDefaultFactory) {
            components.addBean(ConnectionFactory.class)
                    .type(ConnectionFactory.class)
                    .qualifier(Default.Literal.INSTANCE)
                    .qualifier(DefaultFactoryBean.Literal.INSTANCE)
                    .scope(Dependent.class)
                    .createWith(LiteDefaultFactory.class);
        }
        boolean[] contextFlags = new boolean[contexts.size()];
        int[] modes = new int[sessionModes.size()];
        for (int i = 0; i < contextFlags.length; i++) {
            contextFlags[i] = contexts.get(i);
            modes[i] = sessionModes.get(i);
        }
        components.addObserver(Startup.class)
                .declaringClass(FerryBuildCompatibleExtension.class)
                .withParam(FACTORY_NAMES, factoryNames.toArray(String[]::new))
                .withParam(CONTEXTS, contextFlags)
                .withParam(SESSION_MODES, modes)
                .withParam(INJECTION_POINTS, injectionPoints.toArray(String[]::new))
                .withParam(LISTENER_CLASSES, listenerClasses.toArray(String[]::new))
                .observeWith(LiteStartup.class);
    }

    private void collect(InjectionPointInfo injectionPoint) {
        boolean context = is(injectionPoint.type(), JMSContext.class);
        String factory = injectionPoint.qualifiers().stream()
                .filter(qualifier -> qualifier.name().equals(JMSConnectionFactory.class.getName()))
                .map(qualifier -> qualifier.value().asString())
                .findFirst().orElse("");
        if (!context && !(is(injectionPoint.type(), ConnectionFactory.class) && !factory.isEmpty())) {
            return;
        }
        AnnotationInfo mode = injectionPoint.declaration().annotation(JMSSessionMode.class);
        factoryNames.add(factory);
        contexts.add(context);
        sessionModes.add(mode == null ? JMSContext.AUTO_ACKNOWLEDGE : mode.value().asInt());
        injectionPoints.add(describe(injectionPoint.declaration()));
    }

    private static boolean declaresListener(ClassInfo type) {
        for (ClassInfo current = type; current != null; current = current.superClassDeclaration()) {
            if (current.methods().stream().anyMatch(method -> method.hasAnnotation(JmsListener.class))) {
                return true;
            }
        }
        return false;
    }

    private static boolean is(Type type, Class<?> expected) {
        return type.isClass() && type.asClass().declaration().name().equals(expected.getName());
    }

    private static String describe(DeclarationInfo declaration) {
        if (declaration.isField()) {
            return declaration.asField().declaringClass().name() + "." + declaration.asField().name();
        }
        if (declaration.isParameter()) {
            var method = declaration.asParameter().declaringMethod();
            return method.declaringClass().name() + "." + method.name() + "(parameter " + declaration.asParameter().name() + ")";
        }
        return declaration.toString();
    }
}
