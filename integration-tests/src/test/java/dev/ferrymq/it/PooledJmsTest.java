package dev.ferrymq.it;

import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.messaginghub.pooled.jms.JmsPoolSession;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * messaginghub pooled-jms ({@link JmsPoolConnectionFactory}) in front of the provider, under
 * Spring's JmsTemplate and a DefaultMessageListenerContainer. On return the pool resets the
 * session with {@code Session.setMessageListener(null)} ("Jakarta Messaging application server
 * facilities": Session) and closes it instead when that throws.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PooledJmsTest {

    private final FerryBroker broker = new FerryBroker("pool");
    private JmsPoolConnectionFactory pool;
    private DefaultMessageListenerContainer container;

    private JmsPoolConnectionFactory pool(Provider provider) {
        pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(provider.factory(broker));
        pool.setMaxConnections(1);
        return pool;
    }

    @AfterEach
    void stop() {
        if (container != null) {
            container.shutdown();
        }
        if (pool != null) {
            pool.stop();
        }
        broker.close();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("pooled-jms: a session returned to the pool is reused by the next JmsTemplate call, not closed and recreated")
    void pooledSessionReused(Provider provider) {
        JmsTemplate template = new JmsTemplate(pool(provider));
        template.setReceiveTimeout(5000);
        String queue = Provider.unique("pool.reuse");

        Session first = template.execute(JmsPoolSessionInternals::internal, true);
        template.convertAndSend(queue, "between");
        Session second = template.execute(JmsPoolSessionInternals::internal, true);

        assertThat(second).isSameAs(first);
        assertThat(template.receiveAndConvert(queue)).isEqualTo("between");
        assertThat(template.execute(JmsPoolSessionInternals::internal, true)).isSameAs(first);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("pooled-jms: a DefaultMessageListenerContainer on the pool receives every message JmsTemplate sent through it")
    void listenerContainerOnPool(Provider provider) throws Exception {
        JmsPoolConnectionFactory factory = pool(provider);
        String queue = Provider.unique("pool.dmlc");
        Set<String> received = ConcurrentHashMap.newKeySet();
        container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(factory);
        container.setDestinationName(queue);
        container.setConcurrentConsumers(2);
        container.setMessageListener((jakarta.jms.MessageListener) m -> received.add(text(m)));
        container.afterPropertiesSet();
        container.start();

        JmsTemplate template = new JmsTemplate(factory);
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "m" + i).toList();
        sent.forEach(body -> template.convertAndSend(queue, body));

        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == sent.size());
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    private static String text(jakarta.jms.Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's session behind a pooled one. */
    private static final class JmsPoolSessionInternals {
        static Session internal(Session pooled) throws jakarta.jms.JMSException {
            return ((JmsPoolSession) pooled).getInternalSession();
        }
    }
}
