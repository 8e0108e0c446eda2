package dev.ferrymq.it.spring;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.it.FerryBroker;
import dev.ferrymq.it.Provider;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring's DefaultMessageListenerContainer, configured as applications do, on FerryMQ (and Artemis
 * where the behaviour is the standard's, not a broker policy): concurrency, transacted and
 * CLIENT_ACKNOWLEDGE sessions with a failing listener ("Message acknowledgment", "Local
 * transactions", redelivery and FerryMQ's dead-letter policy), durable and shared subscriptions
 * ("Durable subscriptions", "Shared subscriptions").
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ListenerContainerTest {

    private final FerryBroker broker = new FerryBroker("dmlc");
    private final Containers containers = new Containers();

    @AfterEach
    void stop() {
        containers.close();
        broker.close();
    }

    @Test
    @DisplayName("DMLC concurrency 3 on FerryMQ (prefetch=1): three listeners run at the same time, every message is handled once")
    void concurrentConsumers() {
        ConnectionFactory factory = broker.factory("prefetch=1");
        String queue = Provider.unique("dmlc.concurrent");
        CountDownLatch threeAtOnce = new CountDownLatch(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        MessageListener listener = m -> {
            threads.add(Thread.currentThread().getName());
            threeAtOnce.countDown();
            try {
                assertThat(threeAtOnce.await(10, TimeUnit.SECONDS)).as("three listeners running together").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.add(Containers.text(m));
        };
        DefaultMessageListenerContainer c = containers.start(factory, queue, listener, d -> d.setConcurrency("3"));
        List<String> sent = IntStream.range(0, 30).mapToObj(i -> "m" + i).toList();
        JmsTemplate t = new JmsTemplate(factory);
        sent.forEach(body -> t.convertAndSend(queue, body));

        await().atMost(20, TimeUnit.SECONDS).until(() -> handled.size() >= sent.size());
        assertThat(handled).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(threads).hasSize(3);
        assertThat(c.getActiveConsumerCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("DMLC sessionTransacted: a listener that fails once rolls back; the message comes again, redelivered, and is handled once")
    void transactedFailsOnce(Provider provider) {
        failsOnceThenSucceeds(provider, d -> d.setSessionTransacted(true));
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("DMLC CLIENT_ACKNOWLEDGE: a listener that fails once makes Spring recover the session; the message comes again and is handled once")
    void clientAckFailsOnce(Provider provider) {
        failsOnceThenSucceeds(provider, d -> d.setSessionAcknowledgeMode(Session.CLIENT_ACKNOWLEDGE));
    }

    private void failsOnceThenSucceeds(Provider provider, java.util.function.Consumer<DefaultMessageListenerContainer> mode) {
        ConnectionFactory factory = provider.factory(broker);
        String queue = Provider.unique("dmlc.failonce");
        AtomicInteger attempts = new AtomicInteger();
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        Queue<Boolean> redelivered = new ConcurrentLinkedQueue<>();
        MessageListener listener = m -> {
            try {
                redelivered.add(m.getJMSRedelivered());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            handled.add(Containers.text(m));
        };
        containers.start(factory, queue, listener, mode);
        new JmsTemplate(factory).convertAndSend(queue, "order-1");

        await().atMost(20, TimeUnit.SECONDS).until(() -> !handled.isEmpty());
        assertThat(handled).containsExactly("order-1");
        assertThat(redelivered).containsExactly(false, true);
        JmsTemplate check = new JmsTemplate(factory);
        check.setReceiveTimeout(200);
        assertThat(check.receive(queue)).as("nothing left, nothing duplicated").isNull();
        assertThat(handled).containsExactly("order-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"transacted", "client-ack"})
    @DisplayName("DMLC with a listener that always fails, FerryMQ maxDeliveryAttempts=3: three deliveries, then the message is in DLQ.<queue>")
    void poisonMessageGoesToDeadLetterQueue(String mode) throws JMSException {
        FerryConnectionFactory factory = broker.factory("maxDeliveryAttempts=3");
        String queue = Provider.unique("dmlc.poison");
        AtomicInteger attempts = new AtomicInteger();
        containers.start(factory, queue, (MessageListener) m -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("cannot handle " + Containers.text(m));
        }, d -> {
            if (mode.equals("transacted")) {
                d.setSessionTransacted(true);
            } else {
                d.setSessionAcknowledgeMode(Session.CLIENT_ACKNOWLEDGE);
            }
        });
        JmsTemplate t = new JmsTemplate(factory);
        t.setReceiveTimeout(10_000);
        t.convertAndSend(queue, "poison");

        Message dead = t.receive("DLQ." + queue);
        assertThat(dead).as("dead letter").isNotNull();
        assertThat(Containers.text(dead)).isEqualTo("poison");
        assertThat(dead.getStringProperty("JMS_FERRYMQ_ORIGINAL_DESTINATION")).isEqualTo(queue);
        assertThat(dead.getIntProperty("JMS_FERRYMQ_DELIVERY_COUNT")).isEqualTo(3);
        assertThat(attempts.get()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("DMLC durable subscription (client ID set on the factory bean): a message published while the application is down arrives when it restarts")
    void durableSubscription(Provider provider) {
        ConnectionFactory factory = withClientId(provider, Provider.unique("app"));
        String topic = Provider.unique("dmlc.durable");
        String subscription = Provider.unique("sub");
        Queue<String> got = new ConcurrentLinkedQueue<>();
        AtomicBoolean subscribed = new AtomicBoolean();
        MessageListener listener = m -> record(m, got, subscribed);
        java.util.function.Consumer<DefaultMessageListenerContainer> durable = d -> {
            d.setPubSubDomain(true);
            d.setSubscriptionDurable(true);
            d.setSubscriptionName(subscription);
        };
        containers.start(factory, topic, listener, durable);
        JmsTemplate publisher = new JmsTemplate(provider.factory(broker));
        publisher.setPubSubDomain(true);
        awaitSubscribed(publisher, topic, subscribed::get);
        publisher.convertAndSend(topic, "while-up");
        await().atMost(10, TimeUnit.SECONDS).until(() -> got.contains("while-up"));

        containers.close();
        publisher.convertAndSend(topic, "while-down");
        containers.start(factory, topic, listener, durable);

        await().atMost(10, TimeUnit.SECONDS).until(() -> got.contains("while-down"));
        assertThat(got).containsExactly("while-up", "while-down");
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("Two DMLCs on one shared subscription: each published message is handled by exactly one of them")
    void sharedSubscription(Provider provider) {
        ConnectionFactory factory = provider.factory(broker);
        String topic = Provider.unique("dmlc.shared");
        String subscription = Provider.unique("shared");
        Map<String, String> handledBy = new ConcurrentHashMap<>();
        AtomicInteger handled = new AtomicInteger();
        AtomicBoolean subscribed = new AtomicBoolean();
        for (String app : List.of("a", "b")) {
            containers.start(factory, topic, (MessageListener) m -> {
                String body = Containers.text(m);
                if (body.equals(PROBE)) {
                    subscribed.set(true);
                    return;
                }
                handledBy.merge(body, app, (x, y) -> x + "+" + y);
                handled.incrementAndGet();
            }, d -> {
                d.setPubSubDomain(true);
                d.setSubscriptionShared(true);
                d.setSubscriptionName(subscription);
            });
        }
        JmsTemplate publisher = new JmsTemplate(factory);
        publisher.setPubSubDomain(true);
        awaitSubscribed(publisher, topic, subscribed::get);
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "e" + i).toList();
        sent.forEach(body -> publisher.convertAndSend(topic, body));

        await().atMost(10, TimeUnit.SECONDS).until(() -> handled.get() >= sent.size());
        assertThat(handledBy.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(handledBy.values()).allMatch(app -> app.equals("a") || app.equals("b"));
        assertThat(handled.get()).isEqualTo(sent.size());
    }

    private static final String PROBE = "probe";

    /**
     * Publishes probes until one arrives: a DMLC subscribes asynchronously, and a topic keeps
     * nothing for a subscription not made yet. Listeners leave probes out of what they record.
     */
    private static void awaitSubscribed(JmsTemplate publisher, String topic, java.util.concurrent.Callable<Boolean> probed) {
        await().atMost(10, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS).until(() -> {
            publisher.convertAndSend(topic, PROBE);
            return probed.call();
        });
    }

    private static void record(Message m, Queue<String> got, AtomicBoolean probed) {
        String body = Containers.text(m);
        if (body.equals(PROBE)) {
            probed.set(true);
        } else {
            got.add(body);
        }
    }

    private ConnectionFactory withClientId(Provider provider, String clientId) {
        if (provider == Provider.FERRYMQ) {
            FerryConnectionFactory f = broker.factory();
            f.setClientID(clientId);
            return f;
        }
        ActiveMQConnectionFactory f = (ActiveMQConnectionFactory) provider.factory(broker);
        f.setClientID(clientId);
        return f;
    }
}
