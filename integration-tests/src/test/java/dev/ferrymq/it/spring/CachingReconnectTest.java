package dev.ferrymq.it.spring;

import dev.ferrymq.it.FerryBroker;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring's CachingConnectionFactory and a DMLC when the broker goes away: {@code Brokers.stop}
 * closes the connection, its ExceptionListener is told ("ExceptionListener"), the caching factory
 * drops the dead connection, the container recovers, and both work on the restarted broker.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CachingReconnectTest {

    private final FerryBroker broker = new FerryBroker("reconnect");
    private final Containers containers = new Containers();

    @AfterEach
    void stop() {
        containers.close();
        broker.close();
    }

    @Test
    @DisplayName("CachingConnectionFactory after Brokers.stop: the ExceptionListener is called, JmsTemplate and the DMLC work again on the new broker")
    void reconnectAfterBrokerStop() {
        Queue<JMSException> reported = new ConcurrentLinkedQueue<>();
        CachingConnectionFactory caching = new CachingConnectionFactory(broker.factory());
        caching.setExceptionListener(reported::add);
        caching.setReconnectOnException(true);
        String queue = "reconnect.orders";
        Queue<String> got = new ConcurrentLinkedQueue<>();
        containers.start(caching, queue, (MessageListener) m -> got.add(Containers.text(m)), c -> { });
        JmsTemplate template = new JmsTemplate(caching);

        template.convertAndSend(queue, "before");
        await().atMost(10, TimeUnit.SECONDS).until(() -> got.contains("before"));

        broker.close();
        await().atMost(10, TimeUnit.SECONDS).until(() -> !reported.isEmpty());
        assertThat(reported.peek()).isInstanceOf(jakarta.jms.IllegalStateException.class)
                .hasMessageContaining(broker.name());

        await().atMost(15, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS).ignoreExceptions()
                .until(() -> {
                    template.convertAndSend(queue, "after");
                    return got.contains("after");
                });
        assertThat(got).startsWith("before").contains("after");
    }
}
