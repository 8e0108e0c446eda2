package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsHeader;
import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.Jms;
import dev.ferrymq.cdi.support.TestBroker;
import dev.ferrymq.cdi.support.TestFactoryProducer;
import dev.ferrymq.spi.DeadLetterProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Acknowledgement after return, redelivery of a message whose listener threw (spec 6.2.10 recover,
 * 6.2.7 rollback), FerryMQ's redelivery policy with backoff and dead-letter queue, and transacted
 * listeners.
 */
@Tag("provider-neutral")
@Timeout(60)
class RedeliveryTest {

    static final BlockingQueue<String> CALLS = new LinkedBlockingQueue<>();
    static final List<Long> ALWAYS_FAILING_CALLS = new CopyOnWriteArrayList<>();
    static final AtomicInteger ONCE = new AtomicInteger();
    static final AtomicInteger TX = new AtomicInteger();
    private static SeContainer container;

    @ApplicationScoped
    static class Listeners {
        @JmsListener(queue = "redeliver.once")
        void failFirst(String body, @JmsHeader("JMSRedelivered") boolean redelivered) {
            if (ONCE.getAndIncrement() == 0) {
                throw new IllegalStateException("first attempt fails on purpose");
            }
            CALLS.add(body + " redelivered=" + redelivered);
        }

        @JmsListener(queue = "redeliver.always")
        void alwaysFail(String body) {
            ALWAYS_FAILING_CALLS.add(System.nanoTime());
            throw new IllegalStateException("always fails on purpose");
        }

        @JmsListener(queue = "redeliver.tx", transacted = true)
        String transacted(String body, @JmsHeader("JMSRedelivered") boolean redelivered) {
            if (TX.getAndIncrement() == 0) {
                throw new IllegalStateException("first transaction rolls back on purpose");
            }
            return body + " committed, redelivered=" + redelivered;
        }
    }

    @BeforeAll
    static void boot() {
        TestBroker.start("maxDeliveryAttempts=3&redeliveryDelay=100&redeliveryMultiplier=2");
        container = Cdi.boot(TestFactoryProducer.class, Listeners.class);
    }

    @AfterAll
    static void shutdown() {
        container.close();
        TestBroker.stop();
    }

    @Test
    @DisplayName("6.2.10: a listener that throws gets the message again, flagged redelivered; once it returns, the message is acknowledged")
    void redeliveredAfterExceptionThenAcknowledged() throws Exception {
        Jms.send("redeliver.once", "again");
        assertThat(CALLS.poll(10, TimeUnit.SECONDS)).isEqualTo("again redelivered=true");
        assertThat(ONCE.get()).isEqualTo(2);
        container.close();
        assertThat(Jms.receive("redeliver.once", 300)).as("acknowledged, nothing left").isNull();
        container = Cdi.boot(TestFactoryProducer.class, Listeners.class);
    }

    @Test
    @DisplayName("FerryMQ redelivery policy: delays of 100 then 200 ms (backoff 2), then the dead-letter queue after 3 attempts")
    void backoffThenDeadLetterQueue() throws Exception {
        assumeFalse(TestBroker.artemis(), "FerryMQ's redelivery policy options");
        Jms.send("redeliver.always", "poison");
        Message dead = Jms.receive("DLQ.redeliver.always", 10_000);
        assertThat(((TextMessage) dead).getText()).isEqualTo("poison");
        assertThat(dead.getStringProperty(DeadLetterProperties.DLQ_REASON)).contains("maxDeliveryAttempts (3)");
        assertThat(ALWAYS_FAILING_CALLS).hasSize(3);
        long firstGap = TimeUnit.NANOSECONDS.toMillis(ALWAYS_FAILING_CALLS.get(1) - ALWAYS_FAILING_CALLS.get(0));
        long secondGap = TimeUnit.NANOSECONDS.toMillis(ALWAYS_FAILING_CALLS.get(2) - ALWAYS_FAILING_CALLS.get(1));
        assertThat(firstGap).isGreaterThanOrEqualTo(95);
        assertThat(secondGap).isGreaterThanOrEqualTo(190);
    }

    @Test
    @DisplayName("6.2.7: a transacted listener that throws is rolled back and gets the message again; its reply is committed with the consumption, once")
    void transactedListenerRollsBackThenCommits() throws Exception {
        try (JMSContext context = Jms.context()) {
            TemporaryQueue replies = context.createTemporaryQueue();
            TextMessage request = context.createTextMessage("order");
            request.setJMSReplyTo(replies);
            context.createProducer().send(context.createQueue("redeliver.tx"), request);
            try (JMSConsumer consumer = context.createConsumer(replies)) {
                assertThat(consumer.receiveBody(String.class, 10_000)).isEqualTo("order committed, redelivered=true");
                assertThat(consumer.receive(300)).as("one reply only").isNull();
            }
        }
        assertThat(TX.get()).isEqualTo(2);
    }
}
