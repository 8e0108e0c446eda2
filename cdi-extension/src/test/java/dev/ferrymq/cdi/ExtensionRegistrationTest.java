package dev.ferrymq.cdi;

import dev.ferrymq.admin.Brokers;
import dev.ferrymq.cdi.extension.FerryCdiExtension;
import dev.ferrymq.cdi.support.Cdi;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The extension needs nothing but the jar: it is registered for java.util.ServiceLoader, which CDI containers use. */
@Timeout(60)
class ExtensionRegistrationTest {

    @Dependent
    static class ContextUser {
        @Inject
        JMSContext context;
    }

    @Test
    @DisplayName("12.4.1: with discovery on, the container finds the extension itself; the application needs no beans.xml for it")
    void containerLoadsTheExtensionWithoutBeansXml() {
        assumeFalse(Cdi.openWebBeans(), "OpenWebBeans SE with discovery on scans the whole test class path (every test's beans), "
                + "so it can only boot an application with discovery off here");
        System.setProperty(CdiOption.URL.key(), "vm://cdi-registration");
        try (SeContainer container = SeContainerInitializer.newInstance().addBeanClasses(ContextUser.class).initialize()) {
            JMSContext context = container.select(ContextUser.class).get().context;
            context.createProducer().send(context.createQueue("registration"), "found");
            assertThat(context.createConsumer(context.createQueue("registration")).receiveBody(String.class, 5000)).isEqualTo("found");
        } finally {
            System.clearProperty(CdiOption.URL.key());
            Brokers.stop("cdi-registration");
        }
    }

    @Test
    @DisplayName("META-INF/services/jakarta.enterprise.inject.spi.Extension names the FerryMQ extension")
    void registeredAsService() {
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .contains(FerryCdiExtension.class);
    }
}
