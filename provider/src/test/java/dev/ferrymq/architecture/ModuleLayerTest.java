package dev.ferrymq.architecture;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled module {@code dev.ferrymq} (target/classes with its module-info) and the
 * {@code jakarta.messaging} jar loaded on a module path of their own, in a fresh {@link ModuleLayer}
 * (the rest of the suite runs on the class path): the descriptor exports the API and nothing else,
 * the vm engine is found as a service through the module, and a JMS round trip works through the
 * exported packages alone, reflectively, as a modular application would call them.
 */
@Timeout(60)
class ModuleLayerTest {

    private static ModuleLayer layer;
    private static Module module;

    @BeforeAll
    static void loadTheModule() throws Exception {
        Path provider = location(FerryConnectionFactory.class);
        Path jms = location(ConnectionFactory.class);
        ModuleFinder finder = ModuleFinder.of(provider, jms);
        Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(),
                Set.of("dev.ferrymq"));
        layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        module = layer.findModule("dev.ferrymq").orElseThrow();
    }

    private static Path location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    @DisplayName("module dev.ferrymq exports the API packages to everyone and nothing else, and needs only jakarta.messaging, java.naming and java.management")
    void descriptor() {
        ModuleDescriptor d = module.getDescriptor();
        assertThat(d.exports()).allSatisfy(e -> assertThat(e.isQualified()).as(e.source() + " to everyone").isFalse());
        assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source))
                .containsExactlyInAnyOrderElementsOf(ArchitectureTest.EXPORTED);
        assertThat(d.opens()).isEmpty();
        assertThat(module.isExported("dev.ferrymq.engine")).isFalse();
        assertThat(module.isExported("dev.ferrymq.client")).isFalse();
        assertThat(module.isExported("dev.ferrymq.admin")).isTrue();
        assertThat(d.requires().stream().filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .map(ModuleDescriptor.Requires::name))
                .containsExactlyInAnyOrder("java.base", "jakarta.messaging", "java.naming", "java.management");
        assertThat(d.uses()).containsExactly("dev.ferrymq.spi.EngineProvider");
    }

    @Test
    @DisplayName("ServiceLoader finds the vm EngineProvider through the module's provides clause")
    void engineProviderIsAService() throws Exception {
        Class<?> spi = module.getClassLoader().loadClass("dev.ferrymq.spi.EngineProvider");
        assertThat(spi.getModule()).isSameAs(module);
        var providers = ServiceLoader.load(layer, spi).stream().map(ServiceLoader.Provider::type).toList();
        assertThat(providers).hasSize(1);
        assertThat(providers.get(0).getName()).isEqualTo("dev.ferrymq.engine.VmEngineProvider");
        assertThat(providers.get(0).getModule()).isSameAs(module);
    }

    @Test
    @DisplayName("Through the exported packages only: a vm:// broker starts (with its MBeans), a message goes and comes back, admin.Brokers stops it")
    void roundTripThroughTheModule() throws Exception {
        ClassLoader loader = module.getClassLoader();
        String broker = "module-layer-" + UUID.randomUUID().toString().substring(0, 8);
        Class<?> factoryClass = loader.loadClass("dev.ferrymq.FerryConnectionFactory");
        Class<?> context = loader.loadClass("jakarta.jms.JMSContext");
        Class<?> destination = loader.loadClass("jakarta.jms.Destination");
        Class<?> producer = loader.loadClass("jakarta.jms.JMSProducer");
        Class<?> consumer = loader.loadClass("jakarta.jms.JMSConsumer");
        Class<?> brokers = loader.loadClass("dev.ferrymq.admin.Brokers");
        Object factory = factoryClass.getConstructor(String.class).newInstance("vm://" + broker + "?jmx=true");
        try (AutoCloseable ctx = (AutoCloseable) factoryClass.getMethod("createContext").invoke(factory)) {
            Object queue = context.getMethod("createQueue", String.class).invoke(ctx, "layered");
            Object p = context.getMethod("createProducer").invoke(ctx);
            producer.getMethod("send", destination, String.class).invoke(p, queue, "through the module");
            Object c = context.getMethod("createConsumer", destination).invoke(ctx, queue);
            Object body = consumer.getMethod("receiveBody", Class.class, long.class).invoke(c, String.class, 5000L);
            assertThat(body).isEqualTo("through the module");
            ObjectName mbean = new ObjectName("dev.ferrymq:type=Broker,name=" + broker);
            assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(mbean, "Name"))
                    .as("the platform MBean server reads the broker's MBean interface").isEqualTo(broker);
            assertThat(brokers.getMethod("isRunning", String.class).invoke(null, broker)).isEqualTo(true);
        } finally {
            assertThat(brokers.getMethod("stop", String.class).invoke(null, broker)).isEqualTo(true);
        }
        assertThat(brokers.getMethod("isRunning", String.class).invoke(null, broker)).isEqualTo(false);
    }
}
