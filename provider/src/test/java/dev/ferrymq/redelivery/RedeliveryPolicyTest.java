package dev.ferrymq.redelivery;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import dev.ferrymq.spi.DeadLetterProperties;
import dev.ferrymq.spi.config.RedeliveryPolicy;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.naming.Context;
import javax.naming.InitialContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.ferrymq.redelivery.TestBroker.describe;
import static dev.ferrymq.redelivery.TestBroker.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Redelivery policies: backoff, maximum delivery attempts, dead-letter queues, patterns, configuration paths. */
@Timeout(30)
class RedeliveryPolicyTest {

    private static final Queue ORDERS = new FerryQueue("orders");

    private static void send(Connection c, Queue q, String... texts) throws JMSException {
        try (Session s = c.createSession()) {
            var p = s.createProducer(q);
            for (String t : texts) {
                p.send(s.createTextMessage(t));
            }
        }
    }

    @Test
    @DisplayName("FerryMQ extension: redelivery backoff (redeliveryDelay, redeliveryMultiplier, maxRedeliveryDelay) observed: never early, in order; the exact delays are QueuePolicyDelayTest's")
    void backoffTiming() throws Exception {
        try (TestBroker b = new TestBroker("redeliveryDelay=100&redeliveryMultiplier=2&maxRedeliveryDelay=400&maxDeliveryAttempts=0");
             Connection c = b.factory.createConnection()) {
            c.start();
            send(c, ORDERS, "m");
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            assertThat(describe(consumer.receive(5000))).isEqualTo("m");
            long[] expected = {100, 200, 400, 400};
            Message m = null;
            for (int i = 0; i < expected.length; i++) {
                long start = System.nanoTime();
                s.recover();
                m = consumer.receive(5000);
                long gap = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(describe(m)).isEqualTo("m*" + (i + 2));
                // Never before the delay (less a clock's slack); a loaded machine may only be late.
                long slack = Math.max(50, expected[i] / 5);
                assertThat(gap).as("delay before redelivery %d", i + 2)
                        .isBetween(expected[i] - slack, expected[i] + 2_000);
            }
            m.acknowledge();
        }
    }

    @Test
    @DisplayName("FerryMQ extension: a poison message ends in DLQ.<queue> after maxDeliveryAttempts, with origin, reason, delivery count and the listener's exception")
    void poisonMessageToDeadLetterQueue() throws Exception {
        try (TestBroker b = new TestBroker("maxDeliveryAttempts=3"); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, ORDERS, "poison", "good");
            BlockingQueue<String> seen = new ArrayBlockingQueue<>(20);
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            s.createConsumer(ORDERS).setMessageListener(m -> {
                try {
                    seen.add(describe(m));
                    if (text(m).equals("poison")) {
                        throw new IllegalArgumentException("cannot parse order 'poison'");
                    }
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            Session d = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Message dead = d.createConsumer(new FerryQueue("DLQ.orders")).receive(5000);
            assertThat(dead).isNotNull();
            assertThat(text(dead)).isEqualTo("poison");
            assertThat(dead.getStringProperty(DeadLetterProperties.ORIGINAL_DESTINATION)).isEqualTo("orders");
            assertThat(dead.getStringProperty(DeadLetterProperties.ORIGINAL_DESTINATION_TYPE)).isEqualTo("QUEUE");
            assertThat(dead.getIntProperty(DeadLetterProperties.DELIVERY_COUNT)).isEqualTo(3);
            assertThat(dead.getStringProperty(DeadLetterProperties.DLQ_REASON))
                    .contains("maxDeliveryAttempts (3)").contains("LISTENER_FAILURE");
            assertThat(dead.getStringProperty(DeadLetterProperties.LAST_FAILURE))
                    .isEqualTo("java.lang.IllegalArgumentException: cannot parse order 'poison'");
            assertThat(dead.getJMSRedelivered()).isFalse();
            List<String> got = new ArrayList<>();
            for (String x; (x = seen.poll(300, TimeUnit.MILLISECONDS)) != null; ) {
                got.add(x);
            }
            assertThat(got).containsExactlyInAnyOrder("poison", "poison*2", "poison*3", "good");
            assertThat(b.stats("orders").deadLettered()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("FerryMQ extension: a message waiting for a slow delayed redelivery does not stall the queue behind it")
    void delayedRedeliveryDoesNotStall() throws Exception {
        try (TestBroker b = new TestBroker("redeliveryDelay=1500"); Connection c = b.factory.createConnection()) {
            c.start();
            send(c, ORDERS, "slow");
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            assertThat(text(consumer.receive(5000))).isEqualTo("slow");
            long start = System.nanoTime();
            s.recover();
            send(c, ORDERS, "next1", "next2");
            assertThat(describe(consumer.receive(5000))).isEqualTo("next1");
            assertThat(describe(consumer.receive(5000))).isEqualTo("next2");
            long fast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(fast).as("the messages behind came before the delayed one was due").isLessThan(1_200);
            assertThat(b.stats("orders").delayed()).isEqualTo(1);
            Message back = consumer.receive(5000);
            long slow = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(describe(back)).isEqualTo("slow*2");
            assertThat(slow).as("not before its delay; a loaded machine may only be late").isBetween(1_200L, 3_500L);
            back.acknowledge();
        }
    }

    @Test
    @DisplayName("FerryMQ extension: per-destination options by pattern, most specific wins; a shared dead-letter queue")
    void patternsMostSpecificWins() throws Exception {
        String opts = "maxDeliveryAttempts=0&maxDeliveryAttempts@orders.*=2&maxDeliveryAttempts@orders.eu=1"
                + "&deadLetterQueue@orders.*=ORDERS_DLQ";
        try (TestBroker b = new TestBroker(opts); Connection c = b.factory.createConnection()) {
            c.start();
            Queue eu = new FerryQueue("orders.eu");
            Queue us = new FerryQueue("orders.us");
            Queue other = new FerryQueue("billing");
            send(c, eu, "eu");
            send(c, us, "us");
            send(c, other, "billing");
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer ce = s.createConsumer(eu);
            MessageConsumer cu = s.createConsumer(us);
            MessageConsumer co = s.createConsumer(other);
            assertThat(text(ce.receive(5000))).isEqualTo("eu");
            assertThat(text(cu.receive(5000))).isEqualTo("us");
            assertThat(text(co.receive(5000))).isEqualTo("billing");
            s.recover();
            assertThat(ce.receive(200)).as("orders.eu: 1 attempt").isNull();
            assertThat(describe(cu.receive(5000))).isEqualTo("us*2");
            assertThat(describe(co.receive(5000))).isEqualTo("billing*2");
            s.recover();
            assertThat(cu.receive(200)).as("orders.us: 2 attempts").isNull();
            for (int i = 3; i <= 12; i++) {
                assertThat(describe(co.receive(5000))).as("billing: unlimited").isEqualTo("billing*" + i);
                s.recover();
            }
            MessageConsumer dlq = c.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(new FerryQueue("ORDERS_DLQ"));
            List<String> dead = new ArrayList<>();
            for (Message m; (m = dlq.receive(500)) != null; ) {
                dead.add(text(m) + "@" + m.getStringProperty(DeadLetterProperties.ORIGINAL_DESTINATION));
            }
            assertThat(dead).containsExactlyInAnyOrder("eu@orders.eu", "us@orders.us");
        }
    }

    @Test
    @DisplayName("FerryMQ extension: a topic subscription's dead letters go to DLQ.<topic>, naming the topic and the subscription")
    void topicSubscriptionDeadLetters() throws Exception {
        try (TestBroker b = new TestBroker("maxDeliveryAttempts=1"); Connection c = b.factory.createConnection()) {
            c.setClientID("app");
            c.start();
            FerryTopic prices = new FerryTopic("prices");
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer sub = s.createDurableConsumer(prices, "sub1");
            try (Session p = c.createSession()) {
                p.createProducer(prices).send(p.createTextMessage("tick"));
            }
            assertThat(text(sub.receive(5000))).isEqualTo("tick");
            s.recover();
            Message dead = c.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(new FerryQueue("DLQ.prices"))
                    .receive(5000);
            assertThat(text(dead)).isEqualTo("tick");
            assertThat(dead.getStringProperty(DeadLetterProperties.ORIGINAL_DESTINATION)).isEqualTo("prices");
            assertThat(dead.getStringProperty(DeadLetterProperties.ORIGINAL_DESTINATION_TYPE)).isEqualTo("TOPIC");
            assertThat(dead.getStringProperty(DeadLetterProperties.ORIGINAL_SUBSCRIPTION)).contains("sub1");
            assertThat(dead.getStringProperty(DeadLetterProperties.DLQ_REASON)).contains("RECOVER");
        }
    }

    @Test
    @DisplayName("FerryMQ extension: the redelivery options set programmatically with RedeliveryPolicy and in JNDI properties")
    void programmaticAndJndi() throws Exception {
        TestBroker b = new TestBroker("");
        try (b) {
            FerryConnectionFactory f = b.factory.withRedeliveryPolicy("orders",
                    RedeliveryPolicy.defaults().withMaxDeliveryAttempts(1).withDeadLetterQueue("CODE_DLQ"));
            assertThat(f.getUrl()).as("the URL as given; the policy's options are set beside it").isEqualTo(b.factory.getUrl());
            assertThat(f).isNotEqualTo(b.factory);
            assertDeadLetteredAfterOneAttempt(f, "CODE_DLQ");
        }
        TestBroker j = new TestBroker("");
        try (j) {
            Properties env = new Properties();
            env.put(Context.INITIAL_CONTEXT_FACTORY, "dev.ferrymq.jndi.FerryInitialContextFactory");
            env.put("connectionFactory.cf", "vm://" + j.name);
            env.put("property.connectionfactory.cf.maxDeliveryAttempts@ord*", "1");
            env.put("property.connectionfactory.cf.deadLetterQueue@ord*", "JNDI_DLQ.{name}");
            ConnectionFactory cf = (ConnectionFactory) new InitialContext(env).lookup("cf");
            assertDeadLetteredAfterOneAttempt(cf, "JNDI_DLQ.orders");
        }
    }

    private static void assertDeadLetteredAfterOneAttempt(ConnectionFactory f, String dlq) throws JMSException {
        try (Connection c = f.createConnection()) {
            c.start();
            send(c, ORDERS, "x");
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            assertThat(text(consumer.receive(5000))).isEqualTo("x");
            s.recover();
            assertThat(consumer.receive(200)).isNull();
            Message dead = c.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(new FerryQueue(dlq)).receive(5000);
            assertThat(text(dead)).isEqualTo("x");
        }
    }

    @Test
    @DisplayName("FerryMQ extension: a bad redelivery option value fails createConnection with a JMSException naming the option")
    void badOptionValue() {
        try (TestBroker b = new TestBroker("redeliveryMultiplier@orders=0.5")) {
            assertThatThrownBy(b.factory::createConnection).isInstanceOf(JMSException.class)
                    .hasMessageContaining("redeliveryMultiplier");
        }
        try (TestBroker b = new TestBroker("maxDeliveryAttempts@=3")) {
            assertThatThrownBy(b.factory::createConnection).isInstanceOf(JMSException.class)
                    .hasMessageContaining("empty destination pattern");
        }
        assertThatThrownBy(() -> RedeliveryPolicy.defaults().withRedeliveryJitter(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redeliveryJitter");
    }
}
