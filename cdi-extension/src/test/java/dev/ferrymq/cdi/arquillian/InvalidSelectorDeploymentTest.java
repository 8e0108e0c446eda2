package dev.ferrymq.cdi.arquillian;

import dev.ferrymq.admin.Brokers;
import dev.ferrymq.cdi.CdiOption;
import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.extension.FerryCdiExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Arquillian (JUnit 5, Weld embedded): a listener with an invalid selector (3.8.1) fails the
 * deployment when the extension starts it. Without the extension the archive would deploy, so the
 * failure proves the extension ran. Runs in the Weld executions (OpenWebBeans has no Arquillian
 * container here); the message's content is checked by DeploymentErrorTest on all containers.
 */
@Tag("arquillian")
@ExtendWith(ArquillianExtension.class)
@Timeout(60)
class InvalidSelectorDeploymentTest {

    private static final String BROKER = "cdi-arquillian";

    @ApplicationScoped
    public static class BadSelector {
        @JmsListener(queue = "arquillian.selector", selector = "price >>> 3")
        public void onMessage(String body) {
        }
    }

    @Deployment
    @ShouldThrowException(DeploymentException.class)
    static JavaArchive deployment() {
        System.setProperty(CdiOption.URL.key(), "vm://" + BROKER);
        return ShrinkWrap.create(JavaArchive.class)
                .addClass(BadSelector.class)
                .addAsServiceProvider(Extension.class, FerryCdiExtension.class)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @AfterAll
    static void stopBroker() {
        System.clearProperty(CdiOption.URL.key());
        Brokers.stop(BROKER);
    }

    @Test
    @DisplayName("3.8.1: a listener with an invalid selector fails the deployment")
    void deploymentFails() {
        // The deployment's failure is the assertion (@ShouldThrowException).
    }
}
