package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsHeader;
import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.CountingConnectionFactory;
import dev.ferrymq.cdi.support.TestBroker;
import dev.ferrymq.cdi.support.TestFactoryProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener method that cannot work fails deployment with an error naming the method and what is
 * wrong, and leaves nothing running. Deployment failures are checked through SeContainerInitializer
 * with explicit bean classes on every container (not Arquillian).
 */
@Timeout(60)
class DeploymentErrorTest {

    private CountingConnectionFactory factory;

    @BeforeEach
    void startBroker() {
        factory = TestBroker.start();
    }

    @AfterEach
    void stopBroker() {
        TestBroker.stop();
    }

    @ApplicationScoped
    static class TwoBodies {
        @JmsListener(queue = "bad.two")
        void twoBodies(String a, String b) {
        }
    }

    @ApplicationScoped
    static class UnknownFactory {
        @JmsListener(queue = "bad.factory", connectionFactory = "no-such-factory")
        void onMessage(String body) {
        }
    }

    @ApplicationScoped
    static class GoodThenBadSelector {
        @JmsListener(queue = "good.first")
        void good(String body) {
        }

        @JmsListener(queue = "bad.selector", selector = "price >>> 3")
        void badSelector(String body) {
        }
    }

    @ApplicationScoped
    static class DurableQueue {
        @JmsListener(queue = "bad.durable", durable = true, subscription = "s")
        void onMessage(String body) {
        }
    }

    @ApplicationScoped
    static class ConcurrentUnsharedTopic {
        @JmsListener(topic = "bad.topic", concurrency = "1-4")
        void onMessage(String body) {
        }
    }

    @RequestScoped
    static class RequestScopedListener {
        @JmsListener(queue = "bad.scope")
        void onMessage(String body) {
        }
    }

    @ApplicationScoped
    static class BadAttributes {
        @JmsListener(queue = "bad.attrs", concurrency = "5-2")
        void badConcurrency(String body) {
        }

        @JmsListener(queue = "bad.header")
        void badHeader(@JmsHeader("JMSNoSuchHeader") String value) {
        }

        @JmsListener(queue = "", topic = "")
        void noDestination(String body) {
        }
    }

    private static String failure(Class<?> bean) {
        return Cdi.deploymentFailure(TestFactoryProducer.class, bean);
    }

    @Test
    @DisplayName("Two body parameters: the error names the method")
    void badSignature() {
        assertThat(failure(TwoBodies.class)).contains(TwoBodies.class.getName() + "#twoBodies(String, String)")
                .contains("at most one receives the message");
    }

    @Test
    @DisplayName("An unknown connection factory name: the error names it and the method")
    void unknownFactory() {
        assertThat(failure(UnknownFactory.class)).contains(UnknownFactory.class.getName() + "#onMessage(String)")
                .contains("no-such-factory");
    }

    @Test
    @DisplayName("3.8: an invalid selector fails deployment naming the method, and the listener started before it is stopped")
    void invalidSelector() {
        assertThat(failure(GoodThenBadSelector.class)).contains(GoodThenBadSelector.class.getName() + "#badSelector(String)")
                .contains("InvalidSelector");
        assertThat(factory.open()).as("connections left open").isZero();
    }

    @Test
    @DisplayName("Impossible subscriptions: durable on a queue, several consumers on an unshared topic subscription")
    void impossibleSubscriptions() {
        assertThat(failure(DurableQueue.class)).contains(DurableQueue.class.getName() + "#onMessage(String)")
                .contains("apply to topics only");
        assertThat(failure(ConcurrentUnsharedTopic.class)).contains(ConcurrentUnsharedTopic.class.getName() + "#onMessage(String)")
                .contains("unshared topic subscription");
    }

    @Test
    @DisplayName("A listener on a bean that is neither @ApplicationScoped nor @Dependent, bad concurrency, unknown header, no destination")
    void badBeanAndAttributes() {
        assertThat(failure(RequestScopedListener.class)).contains(RequestScopedListener.class.getName() + "#onMessage(String)")
                .contains("@RequestScoped");
        assertThat(failure(BadAttributes.class))
                .contains("#badConcurrency(String): concurrency '5-2' needs 1 <= min <= max")
                .contains("#badHeader(String): parameter 0: unknown header 'JMSNoSuchHeader'")
                .contains("#noDestination(String): set exactly one of queue and topic");
    }
}
