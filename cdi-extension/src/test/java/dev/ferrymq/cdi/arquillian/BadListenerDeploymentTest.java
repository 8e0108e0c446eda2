package dev.ferrymq.cdi.arquillian;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Arquillian (JUnit 5, Weld embedded): a listener method with two body parameters fails the
 * deployment. Runs in the Weld 5 execution only.
 */
@Tag("arquillian")
@ExtendWith(ArquillianExtension.class)
@Timeout(60)
class BadListenerDeploymentTest {

    @ApplicationScoped
    public static class TwoBodies {
        @JmsListener(queue = "arquillian.bad")
        public void onMessage(String first, String second) {
        }
    }

    @Deployment
    @ShouldThrowException(DeploymentException.class)
    static JavaArchive deployment() {
        return ShrinkWrap.create(JavaArchive.class)
                .addClass(TwoBodies.class)
                .addAsServiceProvider(Extension.class, FerryCdiExtension.class)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    @DisplayName("A listener method with a bad signature fails the deployment")
    void deploymentFails() {
        // The deployment's failure is the assertion (@ShouldThrowException).
    }
}
