package dev.ferrymq.cdi;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import dev.ferrymq.cdi.extension.FerryBuildCompatibleExtension;
import dev.ferrymq.cdi.inject.OpenContexts;
import dev.ferrymq.cdi.support.Cdi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.MetaAnnotations;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The CDI Lite build compatible extension, run by Weld's translator of build compatible extensions
 * (OpenWebBeans has none, so these tests are skipped there): the same injection, listeners and
 * deployment checks as the portable extension.
 */
@Timeout(60)
class BuildCompatibleExtensionTest {

    static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    @Dependent
    static class Sender {
        @Inject
        JMSContext context;
        @Inject
        @FerryQueue("lite.orders")
        Queue orders;
        @Inject
        @JMSConnectionFactory("jndiFactory")
        ConnectionFactory named;
    }

    @ApplicationScoped
    static class Receiver {
        @JmsListener(queue = "lite.orders")
        void onOrder(String order) {
            RECEIVED.add(order);
        }
    }

    @Dependent
    static class UnknownFactoryUser {
        @Inject
        @JMSConnectionFactory("no-such-lite-factory")
        JMSContext context;
    }

    @ApplicationScoped
    static class BadListener {
        @JmsListener(queue = "lite.bad", concurrency = "0")
        void onMessage(String body) {
        }
    }

    @BeforeEach
    void onlyOnWeld() {
        assumeFalse(Cdi.openWebBeans(), "OpenWebBeans does not run build compatible extensions");
        System.setProperty(CdiOption.URL.key(), "vm://cdi-lite");
    }

    @AfterEach
    void stopBroker() {
        System.clearProperty(CdiOption.URL.key());
        Brokers.stop("cdi-lite");
        Brokers.stop("cdi-jndi");
    }

    /**
     * The extension as a container without the portable one would run it: in Weld the real class
     * is skipped, by design, because its portable twin is present ({@code @SkipIfPortableExtensionPresent},
     * which subclasses do not inherit). Weld looks for the phase methods among the declared ones, so
     * each is redeclared and handed to the real one.
     */
    public static class WithoutPortableTwin extends FerryBuildCompatibleExtension {
        @Override
        @Discovery
        public void discovery(ScannedClasses scanned, MetaAnnotations meta) {
            super.discovery(scanned, meta);
        }

        @Override
        @Registration(types = Object.class)
        public void collect(BeanInfo bean) {
            super.collect(bean);
        }

        @Override
        @Synthesis
        public void synthesis(SyntheticComponents components) {
            super.synthesis(components);
        }
    }

    /** Weld SE with only the build compatible extension (through Weld's translator), discovery off. */
    private static SeContainer boot(Class<?>... beans) throws ReflectiveOperationException {
        Class<?> translator = Class.forName("org.jboss.weld.lite.extension.translator.LiteExtensionTranslator");
        Extension lite = (Extension) translator.getConstructor(List.class, ClassLoader.class)
                .newInstance(List.of(WithoutPortableTwin.class), BuildCompatibleExtensionTest.class.getClassLoader());
        return SeContainerInitializer.newInstance().disableDiscovery().addExtensions(lite).addBeanClasses(beans).initialize();
    }

    @Test
    @DisplayName("Injected JMSContext, queue and named factory, and a listener method, from the build compatible extension")
    void injectionAndListener() throws Exception {
        try (SeContainer container = boot(Sender.class, Receiver.class)) {
            Sender sender = container.select(Sender.class).get();
            sender.context.createProducer().send(sender.orders, "lite order");
            assertThat(RECEIVED.poll(10, TimeUnit.SECONDS)).isEqualTo("lite order");
            assertThat(((FerryConnectionFactory) sender.named).getUrl()).isEqualTo("vm://cdi-jndi");
            assertThat(container.select(OpenContexts.class).get().count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("An unknown factory name or a bad listener fails the container's start, naming them")
    void problemsFailTheStart() {
        assertThatThrownBy(() -> boot(UnknownFactoryUser.class).close())
                .satisfies(failure -> assertThat(Cdi.messages(failure)).contains("no-such-lite-factory")
                        .contains(UnknownFactoryUser.class.getName() + ".context"));
        assertThatThrownBy(() -> boot(BadListener.class).close())
                .satisfies(failure -> assertThat(Cdi.messages(failure)).contains(BadListener.class.getName() + "#onMessage(String)")
                        .contains("concurrency '0'"));
    }
}
