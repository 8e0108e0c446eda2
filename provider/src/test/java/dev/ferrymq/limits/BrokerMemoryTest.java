package dev.ferrymq.limits;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker-wide memory bound {@code maxBrokerBytes}: destinations each under their own limit
 * cannot together hold more than the broker's; a full broker refuses or holds back sends to any
 * destination until messages leave anywhere. FerryMQ extension (Artemis' global-max-size);
 * refusals are the spec's ResourceAllocationException (10.x "ResourceAllocationException").
 */
@Timeout(60)
class BrokerMemoryTest {

    private static final int BODY = 10_000;

    private static BytesMessage message(Session s) throws Exception {
        BytesMessage m = s.createBytesMessage();
        m.writeBytes(new byte[BODY]);
        return m;
    }

    @Test
    @DisplayName("FerryMQ extension maxBrokerBytes: with fullPolicy=fail, filling one queue to the broker's bound refuses sends to another, naming maxBrokerBytes; consuming frees room for both")
    void fullBrokerRefusesEveryQueue() throws Exception {
        try (LimitBroker b = new LimitBroker("maxBrokerBytes=100000&maxQueueBytes=-1&fullPolicy=fail");
             Connection c = b.factory.createConnection()) {
            c.start();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue first = s.createQueue("first");
            Queue second = s.createQueue("second");
            MessageProducer p = s.createProducer(null);
            int accepted = 0;
            try {
                for (int i = 0; i < 100; i++) {
                    p.send(first, message(s));
                    accepted++;
                }
            } catch (ResourceAllocationException full) {
                assertThat(full.getMessage()).contains("maxBrokerBytes").contains("first");
            }
            assertThat(accepted).as("about 100 kB of 10 kB messages").isBetween(8, 11);
            assertThatThrownBy(() -> p.send(second, message(s)))
                    .isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("maxBrokerBytes").hasMessageContaining("second");
            assertThat(b.limits("second").heldMessages()).isZero();
            MessageConsumer drain = s.createConsumer(first);
            jakarta.jms.Message last = null;
            for (int i = 0; i < accepted; i++) {
                last = drain.receive(5000);
                assertThat(last).isNotNull();
            }
            last.acknowledge();
            p.send(second, message(s));
            assertThat(b.limits("second").heldMessages()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("FerryMQ extension maxBrokerBytes: with fullPolicy=block, a send to an empty queue waits while the broker is full and goes ahead when another queue is consumed")
    void blockedSenderWokenByAnotherQueue() throws Exception {
        try (LimitBroker b = new LimitBroker("maxBrokerBytes=100000&maxQueueBytes=-1&fullPolicy=block&sendTimeout=20000");
             Connection c = b.factory.createConnection()) {
            c.start();
            Session filler = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue first = filler.createQueue("first");
            MessageProducer p = filler.createProducer(first);
            while (b.limits("first") == null || b.limits("first").heldBytes() < 100_000) {
                p.send(message(filler));
            }
            Session other = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue second = other.createQueue("second");
            MessageProducer blocked = other.createProducer(second);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    blocked.send(message(other));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(sent).as("held back while the broker is full").failsWithin(300, TimeUnit.MILLISECONDS);
            MessageConsumer drain = filler.createConsumer(first);
            jakarta.jms.Message last = null;
            for (int i = 0; i < 3; i++) {
                last = drain.receive(5000);
                assertThat(last).isNotNull();
            }
            last.acknowledge();
            sent.get(10, TimeUnit.SECONDS);
            assertThat(b.limits("second").heldMessages()).isEqualTo(1);
        }
    }
}
